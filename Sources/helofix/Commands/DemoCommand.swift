import ArgumentParser
import ConsoleRuntime
import Foundation
import MailServer
import ServerFixtures

/// `helofix demo`: copy the bundled demo server to a temporary root and open the console on it.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Copy the bundled demo server (a cPanel server after a migration) to a temporary root and open the console on it.")

    @Option(help: ArgumentHelp("A built-in theme name or a theme .toml file.", valueName: "NAME|PATH"))
    var theme: String?

    func run() throws {
        let root = try Fixtures.demo.writeToTemporaryDirectory(prefix: "helofix-demo")
        let launcher = ConsoleLauncher(root: ServerRoot(root), mode: .demo, logPath: nil, theme: theme,
                                       environment: ProcessInfo.processInfo.environment,
                                       greeting: "Demo copy at \(root) (edits there are harmless).")
        let code: Int32
        do {
            code = try launcher.run()
        } catch {
            throw fail(error.message, code: error.status)
        }
        print("Demo server left at \(root).")
        if code != 0 { throw ExitCode(code) }
    }
}
