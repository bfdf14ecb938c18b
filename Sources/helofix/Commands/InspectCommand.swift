import ArgumentParser
import Foundation
import MailServer

/// `helofix inspect`: read-only report of the server's domains, greetings, whitelists and problems.
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show hosted domains, greeting names, whitelisted senders and problems (read-only).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var rootOptions: RootOptions
    @Option(help: "Output format: text (for people) or json (for scripts; see docs/json.md).")
    var format: Format = .text

    func run() async throws {
        let snapshot: ServerSnapshot
        do {
            snapshot = try SnapshotReader(root: rootOptions.serverRoot).read()
        } catch {
            throw fail(error.description)
        }
        switch format {
        case .json:
            FileHandle.standardOutput.write(try InspectReport(snapshot: snapshot).jsonData())
            FileHandle.standardOutput.write(Data("\n".utf8))
        case .text:
            FileHandle.standardOutput.write(Data(InspectText.render(snapshot, width: 80).utf8))
        }
    }
}
