import ArgumentParser
import Foundation
import Remedy

/// `helofix apply KIND ARGS`: plans, shows the diff, asks, and applies as one transaction.
struct ApplyRemedyCommand<Words: RemedyWords>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Words.commandName, abstract: Words.kind.abstract, shouldDisplay: !Words.isFormerName)
    }

    @OptionGroup var rootOptions: RootOptions
    @OptionGroup var words: Words
    @OptionGroup var force: ForceOption
    @Flag(help: "Apply without asking.") var yes = false
    @Option(help: "Why (recorded in the history and audit log).") var reason: String = ""
    @Option(help: "Seconds to wait for a lock held by another live process.") var lockWait: Double = 30

    func run() async throws {
        let root = rootOptions.serverRoot
        let session = EditSession(root: root, lockWait: lockWait)
        try session.recover()
        let snapshot = try readSnapshot(root)
        let plan: Plan
        do {
            plan = try Planner(snapshot: snapshot, root: root).plan(words.request, force: force.force)
        } catch {
            throw fail(error.message, code: 1)
        }
        FileHandle.standardOutput.write(Data(PlanText.render(plan).utf8))
        try EditSession.confirm("Apply this change?", yes: yes)
        do {
            let record = try session.executor.apply(plan, reason: reason)
            var text = "\napplied: transaction \(record.id) (\(record.files.count) file\(record.files.count == 1 ? "" : "s")"
            text += record.commands.isEmpty ? ")" : ", ran \(record.commands.joined(separator: "; ")))"
            text += "; undo with: helofix rollback \(record.id)\n"
            FileHandle.standardOutput.write(Data(text.utf8))
            if let note = record.note { FileHandle.standardError.write(Data("helofix: warning: \(note)\n".utf8)) }
        } catch {
            throw fail(error.message, code: 1)
        }
    }
}
