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
    @Flag(help: "Plain ASCII line drawing instead of Unicode box characters (also chosen when the locale is not UTF-8, e.g. LANG=C).")
    var ascii = false
    @OptionGroup(title: "DNS evidence") var dnsArguments: DNSArguments

    /// Opens the console on the server root, following `logPath` (the platform's log when nil),
    /// and exits with the console's status.
    func runConsole(logPath: String?, startWizard: Bool = false) throws {
        var launcher = ConsoleLauncher(root: rootOptions.serverRoot, mode: readOnly ? .readOnly : .edit, logPath: logPath,
                                       theme: theme, environment: ProcessInfo.processInfo.environment, greeting: nil)
        launcher.startWizard = startWizard
        launcher.ascii = ascii
        launcher.dns = dnsArguments.options
        let code = try consoleExitStatus(launcher.run)
        if code != 0 { throw ExitCode(code) }
    }
}
