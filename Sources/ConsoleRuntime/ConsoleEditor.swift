import Foundation
import MailServer
import Remedy

/// The console's only way to write: the transaction executor, made only in edit (or demo) mode
/// and handed to the runtime as an optional. A read-only session never constructs one, so no
/// code path there can reach a file or create the state directory.
struct ConsoleEditor: Sendable {
    let root: ServerRoot
    let executor: TransactionExecutor

    /// Runs recovery first (rolls back an interrupted transaction and removes a killed run's
    /// leftovers, as every edit command does), then builds the executor. Returns the editor and what recovery did, in one line per transaction.
    static func open(root: ServerRoot, environment: [String: String]) throws(RemedyError) -> (ConsoleEditor, [String]) {
        let runner = ProcessCommandRunner.forPlatformCommands(on: root)
        let reports = try TransactionRecovery(root: root, clock: SystemTime(), runner: runner).run()
        let cleaned = LeftoverCleanup(root: root).run()
        let executor = TransactionExecutor(root: root, identity: .current(environment: environment), clock: SystemTime(),
                                           runner: runner, hook: DebugPause.hook(environment: environment))
        return (ConsoleEditor(root: root, executor: executor), reports.map(\.message) + cleaned)
    }

    /// Applies `plan` (a rollback when `rollbackOf` is set).
    func apply(_ plan: Plan, rollbackOf: String?) throws(RemedyError) -> TransactionRecord {
        let reason = rollbackOf.map { "rollback of \($0) from the console" } ?? "from the console"
        return try executor.apply(plan, reason: reason, rollbackOf: rollbackOf)
    }
}
