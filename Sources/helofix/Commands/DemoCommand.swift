import ArgumentParser
import Foundation
import MailServer
import ServerFixtures

/// `helofix demo`: copy the bundled demo server to a temporary root and show it.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Copy the bundled demo server (a cPanel server after a migration) to a temporary root and open it.")

    func run() async throws {
        let root = try Fixtures.demo.writeToTemporaryDirectory(prefix: "helofix-demo")
        let snapshot: ServerSnapshot
        do {
            snapshot = try SnapshotReader(root: ServerRoot(root)).read()
        } catch {
            throw fail(error.description)
        }
        print("Demo server copied to \(root) (edits there are real and harmless).\n")
        print(InspectText.render(snapshot, width: 80), terminator: "")
    }
}
