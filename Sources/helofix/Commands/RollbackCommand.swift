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
    @Flag(help: "Apply without asking.") var yes = false
    @Flag(help: "Roll back even if the files changed since.") var force = false
    @Option(help: "Why (recorded in the history and audit log).") var reason: String = ""
    @Option(help: "Seconds to wait for a lock held by another live process (0 to 3600).") var lockWait: Double = 30

    func validate() throws {
        // nan compares false with everything, so it is refused by the range check too.
        guard lockWait >= 0 && lockWait <= 3600 else {
            throw fail("--lock-wait must be a number of seconds from 0 to 3600 (got \(lockWait))")
        }
        guard !reason.contains(where: { $0.isNewline }) else { throw fail("--reason must be one line") }
    }

    func run() async throws {
        let root = rootOptions.serverRoot
        let session = EditSession(root: root, lockWait: lockWait)
        try session.recover()
        let rollback = Rollback(root: root)
        let plan: Plan
        do {
            plan = try rollback.plan(id, force: force)
        } catch {
            throw fail(error.message, code: 1)
        }
        FileHandle.standardOutput.write(Data(PlanText.render(plan, root: root).utf8))
        try EditSession.confirm("Roll back \(id)?", yes: yes)
        do {
            let record = try session.executor.apply(plan, reason: reason.isEmpty ? "rollback of \(id)" : reason, rollbackOf: id)
            FileHandle.standardOutput.write(Data("\nrolled back \(id) as transaction \(record.id)\n".utf8))
        } catch {
            throw fail(error.message, code: 1)
        }
    }
}

/// `helofix recover`: rolls back an interrupted transaction now (every edit command does this first).
struct RecoverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover",
        abstract: "Roll back any interrupted transaction (apply and rollback do this first anyway).")

    @OptionGroup var rootOptions: RootOptions

    func run() async throws {
        let root = rootOptions.serverRoot
        let pending = TransactionHistory(root: root).interrupted()
        try EditSession(root: root, lockWait: 30).recover()
        if pending.isEmpty { FileHandle.standardOutput.write(Data("No interrupted transaction; nothing to do.\n".utf8)) }
    }
}
