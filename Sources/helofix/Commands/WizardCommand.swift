import ArgumentParser
import Console
import Foundation

/// `helofix wizard`: the console with the guided fix wizard up, one finding at a time.
struct WizardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wizard",
        abstract: "Walk through the findings one at a time: what is wrong, the evidence, the options, the preview, apply, verify.",
        discussion: "Esc goes back a step; nothing is written before the final confirmation. See docs/user-guide.md.")

    @OptionGroup var rootOptions: RootOptions
    @Option(help: ArgumentHelp("A built-in theme name or a theme .toml file.", valueName: "NAME|PATH"))
    var theme: String?
    @Flag(help: "Never change anything (the wizard still explains and previews).")
    var readOnly = false
    @Flag(help: "Plain ASCII line drawing instead of Unicode box characters (also chosen when the locale is not UTF-8, e.g. LANG=C).")
    var ascii = false

    func run() throws {
        var launcher = ConsoleLauncher(root: rootOptions.serverRoot, mode: readOnly ? .readOnly : .edit, logPath: nil,
                                       theme: theme, environment: ProcessInfo.processInfo.environment, greeting: nil)
        launcher.startWizard = true
        launcher.ascii = ascii
        let code = try launcher.run()
        if code != 0 { throw ExitCode(code) }
    }
}
