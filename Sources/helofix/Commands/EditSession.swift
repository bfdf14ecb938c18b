import ArgumentParser
import ConsoleRuntime
import Foundation
import MailServer
import Remedy

/// What an edit command (apply, rollback, recover) needs: the executor exists only here.
struct EditSession {
    let root: ServerRoot
    let executor: TransactionExecutor

    init(root: ServerRoot, lockWait: Double) {
        self.root = root
        let env = ProcessInfo.processInfo.environment
        executor = TransactionExecutor(root: root, identity: .current(environment: env), clock: SystemTime(),
                                       runner: ProcessCommandRunner.forPlatformCommands(on: root), lockWait: lockWait,
                                       hook: DebugPause.hook(environment: env))
    }

    /// Refuses a lock wait that is not a sane number of seconds and a reason over several lines.
    static func validate(lockWait: Double, reason: String) throws {
        // nan compares false with everything, so the range check refuses it too.
        guard lockWait >= 0 && lockWait <= 3600 else {
            throw fail("--lock-wait must be a number of seconds from 0 to 3600 (got \(lockWait))")
        }
        guard !reason.contains(where: { $0.isNewline }) else { throw fail("--reason must be one line") }
    }

    /// Rolls back interrupted transactions first, then removes what a run killed before its
    /// journal left behind (stale lock files, orphan backups), saying each on stderr. Returns
    /// how many things it did.
    @discardableResult
    func recover() throws -> Int {
        var done = 0
        do {
            for report in try TransactionRecovery(root: root, clock: SystemTime(), runner: ProcessCommandRunner.forPlatformCommands(on: root)).run() {
                FileHandle.standardError.write(Data("helofix: \(report.message)\n".utf8))
                done += 1
            }
        } catch {
            throw fail("recovery of an interrupted transaction failed: \(error.message)", code: 1)
        }
        for line in LeftoverCleanup(root: root).run() {
            FileHandle.standardError.write(Data("helofix: \(line)\n".utf8))
            done += 1
        }
        return done
    }

    /// Prints `plan`, asks `question` (unless `--yes`), and applies it as one transaction; a refusal
    /// or failure exits 1 with the reason.
    /// An apply must say why (`requireReason`); a rollback has a default reason.
    func confirmAndApply(_ plan: Plan, question: String, yes: Bool, reason: String, rollbackOf: String? = nil,
                         requireReason: Bool = false, note: String? = nil) throws -> TransactionRecord {
        FileHandle.standardOutput.write(Data(PlanText.render(plan, root: root).utf8))
        // A note about the plan from outside the files (DNS for a domain removal), before the question.
        if let note { FileHandle.standardOutput.write(Data("\n\(note)\n".utf8)) }
        try Self.confirm(question, yes: yes)
        if requireReason, reason.trimmingCharacters(in: .whitespaces).isEmpty {
            throw fail("say why with --reason \"...\" (it goes into the history and the audit log); nothing was applied", code: 1)
        }
        do {
            return try executor.apply(plan, reason: reason, rollbackOf: rollbackOf)
        } catch {
            throw fail(error.message, code: 1)
        }
    }

    /// Asks on a terminal; without one, `--yes` is required.
    static func confirm(_ question: String, yes: Bool) throws {
        if yes { return }
        guard isatty(0) == 1 else { throw fail("not a terminal, so nothing was applied: add --yes to apply without asking", code: 1) }
        FileHandle.standardError.write(Data("\(question) [y/N] ".utf8))
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        guard answer == "y" || answer == "yes" else { throw fail("nothing was applied", code: 1) }
    }
}

