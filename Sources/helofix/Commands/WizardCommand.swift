import ArgumentParser
import Console
import Foundation

/// `helofix wizard`: the console with the guided fix wizard up, one finding at a time.
struct WizardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wizard",
        abstract: "Walk through the findings one at a time: what is wrong, the evidence, the options, the preview, apply, verify.",
        discussion: "Esc goes back a step; nothing is written before the final confirmation. See docs/user-guide.md.")

    @OptionGroup var options: ConsoleOptions

    func run() throws {
        try options.runConsole(logPath: nil, startWizard: true)
    }
}
