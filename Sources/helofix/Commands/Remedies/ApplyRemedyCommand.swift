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
    @OptionGroup var edit: EditOptions

    func run() async throws {
        let root = rootOptions.serverRoot
        let session = EditSession(root: root, lockWait: edit.lockWait)
        try session.recover()
        let snapshot = try readSnapshot(root)
        let plan: Plan
        do {
            plan = try Planner(snapshot: snapshot, root: root).plan(words.request, force: force.force)
        } catch {
            throw fail(error.message, code: 1)
        }
        let record = try session.confirmAndApply(plan, question: "Apply this change?", yes: edit.yes, reason: edit.reason,
                                                 requireReason: true)
        var text = "\napplied: transaction \(record.id) (\(record.files.count) file\(record.files.count == 1 ? "" : "s")"
        let ran = session.executor.runner == nil ? "left to you on the server" : "ran"
        text += record.commands.isEmpty ? ")" : ", \(ran) \(record.commands.joined(separator: "; ")))"
        text += "; undo with: helofix rollback \(record.id)\n"
        FileHandle.standardOutput.write(Data(text.utf8))
        if let note = record.note { FileHandle.standardError.write(Data("helofix: warning: \(note)\n".utf8)) }
    }
}
