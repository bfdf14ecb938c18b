import Foundation
import MailServer
import Remedy

/// The console's only way to write: the transaction executor, made only in edit (or demo) mode
/// and handed to the runtime as an optional. A read-only session never constructs one, so no
/// code path there can reach a file or create the state directory.
struct ConsoleEditor {
    let root: ServerRoot
    let executor: TransactionExecutor

    /// Runs recovery first (rolls back an interrupted transaction, as every edit command does),
    /// then builds the executor. Returns the editor and what recovery did, in one line per transaction.
    static func open(root: ServerRoot, environment: [String: String]) throws(RemedyError) -> (ConsoleEditor, [String]) {
        let runner = EditSession.platformRunner(root)
        let reports = try TransactionRecovery(root: root, clock: SystemTime(), runner: runner).run()
        let executor = TransactionExecutor(root: root, identity: .current(environment: environment), clock: SystemTime(),
                                           runner: runner, hook: DebugPause.hook(environment: environment))
        return (ConsoleEditor(root: root, executor: executor), reports.map(\.message))
    }

    /// Applies `plan` (a rollback when `rollbackOf` is set).
    func apply(_ plan: Plan, rollbackOf: String?) throws(RemedyError) -> TransactionRecord {
        let reason = rollbackOf.map { "rollback of \($0) from the console" } ?? "from the console"
        return try executor.apply(plan, reason: reason, rollbackOf: rollbackOf)
    }
}

/// Whether this user can change the server at all: `/etc` under the root and the state directory
/// (or the nearest existing parent of it) must be writable. Otherwise the console opens read-only.
enum WriteAccess {
    /// `nil` when writable, else the one-line reason.
    static func problem(root: ServerRoot) -> String? {
        if access(root.hostPath("/etc"), W_OK) != 0 {
            return "read-only: you cannot write \(root.hostPath("/etc")); run as root to make changes"
        }
        var state = StateStore.directory
        while state != "/" && access(root.hostPath(state), F_OK) != 0 {
            state = (state as NSString).deletingLastPathComponent
        }
        if access(root.hostPath(state), W_OK) != 0 {
            return "read-only: you cannot write \(root.hostPath(state)) (helofix keeps its backups there); run as root to make changes"
        }
        return nil
    }
}
