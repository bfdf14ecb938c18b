import ArgumentParser
import Foundation
import Remedy

/// `helofix apply REMEDY ARGS`: plans, shows the diff, asks, and applies as one transaction.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply a remedy as one journaled, backed-up, audited transaction.",
        discussion: """
            Shows the diff first and asks on a terminal; without a terminal --yes is required. \
            An interrupted earlier transaction is rolled back first. Exit codes: 0 applied; 1 refused or failed \
            (nothing changed); 2 bad arguments or unreadable server.
            """)

    @OptionGroup var rootOptions: RootOptions
    @OptionGroup var remedy: RemedyArguments
    @Flag(help: "Apply without asking.") var yes = false
    @Option(help: "Why (required; recorded in the history and audit log).") var reason: String = ""
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
        let request = try remedy.request()
        let session = EditSession(root: root, lockWait: lockWait)
        try session.recover()
        let snapshot = try readSnapshot(root)
        let plan: Plan
        do {
            plan = try Planner(snapshot: snapshot, root: root).plan(request, force: remedy.force)
        } catch {
            throw fail(error.message, code: 1)
        }
        FileHandle.standardOutput.write(Data(PlanText.render(plan, root: root).utf8))
        try EditSession.confirm("Apply this change?", yes: yes)
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw fail("say why with --reason \"...\" (it goes into the history and the audit log); nothing was applied", code: 1)
        }
        do {
            let record = try session.executor.apply(plan, reason: reason)
            var text = "\napplied: transaction \(record.id) (\(record.files.count) file\(record.files.count == 1 ? "" : "s")"
            let ran = session.executor.runner == nil ? "left to you on the server" : "ran"
            text += record.commands.isEmpty ? ")" : ", \(ran) \(record.commands.joined(separator: "; ")))"
            text += "; undo with: helofix rollback \(record.id)\n"
            FileHandle.standardOutput.write(Data(text.utf8))
            if let note = record.note { FileHandle.standardError.write(Data("helofix: warning: \(note)\n".utf8)) }
        } catch {
            throw fail(error.message, code: 1)
        }
    }
}
