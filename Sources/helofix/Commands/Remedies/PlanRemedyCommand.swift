import ArgumentParser
import Foundation
import Remedy

/// `helofix plan KIND ARGS`: shows the diff one remedy would make; writes nothing.
struct PlanRemedyCommand<Words: RemedyWords>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Words.commandName, abstract: Words.kind.abstract, shouldDisplay: !Words.isFormerName)
    }

    @OptionGroup var rootOptions: RootOptions
    @OptionGroup var words: Words
    @OptionGroup var force: ForceOption

    func run() async throws {
        let root = rootOptions.serverRoot
        let snapshot = try readSnapshot(root)
        if let pending = TransactionHistory(root: root).interrupted().first {
            FileHandle.standardError.write(Data("helofix: warning: transaction \(pending.id) was interrupted; the next helofix apply/rollback/recover rolls it back first\n".utf8))
        }
        do {
            let plan = try Planner(snapshot: snapshot, root: root).plan(words.request, force: force.force)
            FileHandle.standardOutput.write(Data(PlanText.render(plan, root: root).utf8))
        } catch {
            throw fail(error.message, code: 1)
        }
    }
}
