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
            finding, f lists findings, ? shows every key, q quits. Themes: \(BuiltinThemes.names.joined(separator: ", ")), \
            or a .toml file; your own in ~/.config/helofix/themes/, keys in ~/.config/helofix/keys.toml. \
            NO_COLOR=1 turns colour off. See docs/console.md.
            """)

    @OptionGroup var options: ConsoleOptions
    @Option(help: ArgumentHelp("The Exim main log to scan and follow (default: the platform's, under --root).", valueName: "FILE"))
    var log: String?

    func run() throws {
        try options.runConsole(logPath: log)
    }
}
