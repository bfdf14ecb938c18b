import ArgumentParser
import Console
import Foundation

/// `helofix [console]`: the interactive console (the default subcommand).
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the interactive console: hosted domains, greeting names and whitelisted senders, with their conflicts.",
        discussion: """
            Keys: arrows or hjkl move, Tab switches pane, / filters, n/N jump between findings, Enter opens a \
            finding, f lists findings, e fixes, w starts the wizard, H shows the history, ? lists the keys of the \
            screen you are on, q quits. Themes: \(BuiltinThemes.names.joined(separator: ", ")), \
            or a .toml file; your own in ~/.config/helofix/themes/, keys in ~/.config/helofix/keys.toml. \
            NO_COLOR=1 turns colour off. See docs/console.md.
            """)

    @OptionGroup var rootOptions: RootOptions
    @Option(help: ArgumentHelp("The Exim main log to scan and follow (default: the platform's, under --root).", valueName: "FILE"))
    var log: String?
    @Option(help: ArgumentHelp("A built-in theme name or a theme .toml file.", valueName: "NAME|PATH"))
    var theme: String?
    @Flag(help: "Never change anything (the header shows READ-ONLY).")
    var readOnly = false
    @Flag(help: "Plain ASCII line drawing instead of Unicode box characters (also chosen when the locale is not UTF-8, e.g. LANG=C).")
    var ascii = false

    func run() throws {
        var launcher = ConsoleLauncher(root: rootOptions.serverRoot, mode: readOnly ? .readOnly : .edit, logPath: log,
                                       theme: theme, environment: ProcessInfo.processInfo.environment, greeting: nil)
        launcher.ascii = ascii
        let code = try launcher.run()
        if code != 0 { throw ExitCode(code) }
    }
}
