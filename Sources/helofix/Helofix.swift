import ArgumentParser
import Foundation

/// The `helofix` command: the console by default, plus scriptable subcommands.
@main
struct Helofix: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helofix",
        abstract: "Find and fix the conflicts behind \"550 Bad HELO - Host impersonating\" on cPanel, DirectAdmin and Exim servers.",
        discussion: """
            Exit codes: 0 success; 2 the server tree cannot be read (no such root, not a mail server, \
            no permission) or the arguments are wrong. See docs/ for details.
            """,
        subcommands: [ConsoleCommand.self, WizardCommand.self, InspectCommand.self, ExplainCommand.self, DemoCommand.self, PlanCommand.self, FilesCommand.self, FleetCommand.self,
                      ApplyCommand.self, HistoryCommand.self, RollbackCommand.self, RecoverCommand.self, VerifyCommand.self],
        defaultSubcommand: ConsoleCommand.self)

    /// Runs the command; a usage error (unknown remedy, missing argument) exits 2, as the exit
    /// codes above promise, where ArgumentParser alone would exit 64.
    static func main() async {
        do {
            var command = try parseAsRoot(RemedyArgumentOrder.normalized(Array(CommandLine.arguments.dropFirst())))
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
