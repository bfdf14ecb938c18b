import ArgumentParser
import Foundation
import Remedy

/// `helofix rollback ID`: undoes a committed transaction as a new audited transaction.
struct RollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Undo a transaction (itself recorded as a new transaction).",
        discussion: "Refuses, showing the diff, when a file changed after that transaction, unless --force. Exit codes: 0 rolled back; 1 refused or failed; 2 bad arguments.")

    @OptionGroup var rootOptions: RootOptions
    @Argument(help: "The transaction id (see helofix history).") var id: String
    @Flag(help: "Roll back even if the files changed since.") var force = false
    @OptionGroup var edit: EditOptions

    func run() async throws {
        let root = rootOptions.serverRoot
        let session = EditSession(root: root, lockWait: edit.lockWait)
        try session.recover()
        let rollback = Rollback(root: root)
        let plan: Plan
        do {
            plan = try rollback.plan(id, force: force)
        } catch {
            throw fail(error.message, code: 1)
        }
        let record = try session.confirmAndApply(plan, question: "Roll back \(id)?", yes: edit.yes,
                                                 reason: edit.reason.isEmpty ? "rollback of \(id)" : edit.reason, rollbackOf: id)
        FileHandle.standardOutput.write(Data("\nrolled back \(id) as transaction \(record.id)\n".utf8))
    }
}
