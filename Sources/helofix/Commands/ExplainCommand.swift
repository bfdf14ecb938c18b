import ArgumentParser
import Diagnosis
import Foundation
import MailServer

/// `helofix explain [LINE]`: says which receiver and rule produced a pasted bounce or log line, and
/// with `--root` (on the receiving server) which finding here causes it and what to do.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a pasted \"Host impersonating\" bounce or log line (argument or stdin).",
        discussion: "Run it on the receiving server with --root / to see which finding there causes the rejection.")

    @Argument(help: "The bounce or log line; read from standard input when left out.")
    var line: String?
    @Option(name: .long, help: ArgumentHelp("Read DIR as the receiving server's / and look for the cause there.", valueName: "DIR"))
    var root: String?

    func run() async throws {
        let text = line ?? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        // A pasted bounce may span lines; the message is found anywhere in it.
        let joined = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard var explanation = LineExplanation(line: joined) else {
            throw fail("no \"Host impersonating\" or \"_my_ address\" rejection in the text; paste the bounce's SMTP error line", code: 1)
        }
        if let root {
            let absolute = root.hasPrefix("/") ? root : FileManager.default.currentDirectoryPath + "/" + root
            let serverRoot = ServerRoot((absolute as NSString).standardizingPath)
            do {
                explanation.attach(receiver: try SnapshotReader(root: serverRoot).read())
            } catch {
                throw fail(error.description)
            }
        }
        print(ExplanationText.render(explanation, rootGiven: root != nil, width: 80), terminator: "")
    }
}
