import ArgumentParser
import ConsoleRuntime
import Foundation

/// The options of the commands that open the console (`console`, `wizard`).
struct ConsoleOptions: ParsableArguments {
    @OptionGroup var rootOptions: RootOptions
    @Option(help: ArgumentHelp("A built-in theme name or a theme .toml file.", valueName: "NAME|PATH"))
    var theme: String?
    @Flag(help: "Never change anything (the header shows READ-ONLY; the wizard still explains and previews).")
    var readOnly = false

    /// Opens the console on the server root, following `logPath` (the platform's log when nil),
    /// and exits with the console's status.
    func runConsole(logPath: String?, startWizard: Bool = false) throws {
        var launcher = ConsoleLauncher(root: rootOptions.serverRoot, mode: readOnly ? .readOnly : .edit, logPath: logPath,
                                       theme: theme, environment: ProcessInfo.processInfo.environment, greeting: nil)
        launcher.startWizard = startWizard
        let code: Int32
        do {
            code = try launcher.run()
        } catch {
            throw fail(error.message, code: error.status)
        }
        if code != 0 { throw ExitCode(code) }
    }
}
