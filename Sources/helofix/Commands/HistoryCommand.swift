import ArgumentParser
import Foundation
import Remedy

/// `helofix history`: every transaction with who, when, what, files and state (read-only).
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List applied, rolled-back and interrupted transactions (read-only).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var rootOptions: RootOptions
    @Option(help: "Output format: text or json.") var format: Format = .text

    func run() async throws {
        let history = TransactionHistory(root: rootOptions.serverRoot)
        if let problem = history.problems().first {
            throw fail(problem + " (run helofix as root to see the history)", code: 1)
        }
        let records = history.list()
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            FileHandle.standardOutput.write(try encoder.encode(records) + Data("\n".utf8))
        case .text:
            if records.isEmpty {
                FileHandle.standardOutput.write(Data("No transactions yet (helofix apply records them in /var/lib/helofix).\n".utf8))
                return
            }
            let formatter = ISO8601DateFormatter()
            var out = ""
            for r in records {
                // Everything here was typed by someone or read from a file: escape control characters
                // so a crafted reason or path cannot drive the admin's terminal.
                out += "\(r.id)  \(formatter.string(from: r.time))  \(r.who.terminalSafe)  \(r.state.rawValue)  \(r.remedy.terminalSafe)\n"
                if !r.reason.isEmpty { out += "    why: \(r.reason.terminalSafe)\n" }
                for f in r.files { out += "    \(f.terminalSafe)\n" }
                for c in r.commands { out += "    ran \(c.terminalSafe)\n" }
                if let by = r.rolledBackBy { out += "    rolled back by \(by)\n" }
                if let note = r.note { out += "    note: \(note.terminalSafe)\n" }
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        }
    }
}
