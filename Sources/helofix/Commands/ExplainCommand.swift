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
        discussion: """
            Run it on the receiving server with --root / to see which finding there causes the rejection. \
            --format json prints {"greeting", "impersonation", "ip", "platform", "rule", "side", "stage"} \
            (and "setting" with --root); see docs/json.md.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The bounce or log line; read from standard input when left out.")
    var line: String?
    @Option(name: .long, help: ArgumentHelp("Read DIR as the receiving server's / and look for the cause there.", valueName: "DIR"))
    var root: String?
    @Option(help: "Output format: text (for people) or json (for scripts).")
    var format: Format = .text

    /// A pasted bounce is a few KiB; more than this is not a paste (`explain < /dev/zero`).
    static let inputLimit = 1 << 20

    /// Standard input up to ``inputLimit`` bytes; refuses more instead of reading forever.
    static func readStandardInput() throws -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while bytes.count <= inputLimit {
            let n = read(0, &chunk, chunk.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(contentsOf: chunk.prefix(n))
        }
        throw fail("standard input is over \(inputLimit / 1024) KiB, which is not a pasted bounce; paste only the SMTP error line (or give it as an argument)")
    }

    func run() async throws {
        let text = try line ?? Self.readStandardInput()
        // A pasted bounce may span lines; the message is found anywhere in it.
        let joined = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        let snapshot = try root.map(readSnapshot)
        if var explanation = LineExplanation(line: joined) {
            if let snapshot { explanation.attach(receiver: snapshot) }
            switch format {
            case .text: print(ExplanationText.render(explanation, rootGiven: root != nil, width: 80), terminator: "")
            case .json: ExplanationJSON.write(explanation, setting: snapshot.map(explanation.setting(on:)))
            }
        } else if let other = OtherHeloRejection(line: joined) {
            switch format {
            case .text: print(ExplanationText.render(other, width: 80), terminator: "")
            case .json: ExplanationJSON.write(other, settingShown: snapshot != nil)
            }
        } else {
            throw fail("no \"Host impersonating\" or \"_my_ address\" rejection in the text; paste the bounce's SMTP error line", code: 1)
        }
    }

    private func readSnapshot(_ root: String) throws -> ServerSnapshot {
        let absolute = root.hasPrefix("/") ? root : FileManager.default.currentDirectoryPath + "/" + root
        do {
            return try SnapshotReader(root: ServerRoot((absolute as NSString).standardizingPath)).read()
        } catch {
            throw fail(error.description)
        }
    }
}
