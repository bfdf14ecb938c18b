import ArgumentParser
import Foundation
import Remedy

/// `helofix plan REMEDY ARGS`: shows the diff a remedy would make; writes nothing.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what a remedy would change, as a diff (writes nothing).",
        discussion: "Exit codes: 0 a plan was shown; 1 the remedy was refused (the reason is printed); 2 bad arguments or unreadable server.")

    @OptionGroup var rootOptions: RootOptions
    @OptionGroup var remedy: RemedyArguments

    func run() async throws {
        let root = rootOptions.serverRoot
        let request = try remedy.request()
        let snapshot = try readSnapshot(root)
        if let pending = TransactionHistory(root: root).interrupted().first {
            FileHandle.standardError.write(Data("helofix: warning: transaction \(pending.id) was interrupted; the next helofix apply/rollback/recover rolls it back first\n".utf8))
        }
        do {
            let plan = try Planner(snapshot: snapshot, root: root).plan(request, force: remedy.force)
            FileHandle.standardOutput.write(Data(PlanText.render(plan, root: root).utf8))
        } catch {
            throw fail(error.message, code: 1)
        }
    }
}
