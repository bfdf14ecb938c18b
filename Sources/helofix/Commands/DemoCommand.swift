import ArgumentParser
import ConsoleRuntime
import Foundation
import MailServer
import ServerFixtures

/// `helofix demo`: copy the bundled demo server to a temporary root and open the console on it.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Copy the bundled demo server (a cPanel server after a migration) to a temporary root and open the console on it.",
        discussion: """
            With --copy-to DIR the demo server is written to DIR (which must not exist yet) and nothing else \
            happens: try `helofix inspect --root DIR` or `helofix --root DIR` on it. With --fleet-to DIR, three \
            demo servers are written to DIR as the Ansible playbook collects them (DIR/old, DIR/new, DIR/other): \
            try `helofix fleet DIR` or `helofix fleet DIR --console`.
            """)

    @Option(help: ArgumentHelp("A built-in theme name or a theme .toml file.", valueName: "NAME|PATH"))
    var theme: String?
    @Option(help: ArgumentHelp("Write the demo server to DIR and stop (no console).", valueName: "DIR"))
    var copyTo: String?
    @Option(help: ArgumentHelp("Write a demo fleet of three servers to DIR, laid out as the playbook collects them, and stop.", valueName: "DIR"))
    var fleetTo: String?
    @Flag(help: "Plain ASCII line drawing instead of Unicode box characters (also chosen when the locale is not UTF-8, e.g. LANG=C).")
    var ascii = false

    func validate() throws {
        if copyTo != nil && fleetTo != nil { throw ValidationError("give --copy-to or --fleet-to, not both") }
    }

    func run() throws {
        if let fleetTo {
            guard !FileManager.default.fileExists(atPath: fleetTo) else {
                throw fail("\(fleetTo) already exists; name a new directory for the demo fleet.")
            }
            do {
                for (name, tree) in Fixtures.fleet { try tree.write(to: fleetTo + "/" + name) }
            } catch {
                throw fail("cannot write the demo fleet to \(fleetTo): \(error); name a directory you can write.")
            }
            print("Demo fleet written to \(fleetTo) (\(Fixtures.fleet.map(\.name).joined(separator: ", "))).")
            return
        }
        if let copyTo {
            guard !FileManager.default.fileExists(atPath: copyTo) else {
                throw fail("\(copyTo) already exists; name a new directory for the demo server.")
            }
            do {
                try Fixtures.demo.write(to: copyTo)
            } catch {
                throw fail("cannot write the demo server to \(copyTo): \(error); name a directory you can write.")
            }
            print("Demo server written to \(copyTo).")
            return
        }
        let root = try Fixtures.demo.writeToTemporaryDirectory(prefix: "helofix-demo")
        var launcher = ConsoleLauncher(root: ServerRoot(root), mode: .demo, logPath: nil, theme: theme,
                                       environment: ProcessInfo.processInfo.environment,
                                       greeting: "Demo copy at \(root) (edits there are harmless).")
        launcher.ascii = ascii
        let code = try consoleExitStatus(launcher.run)
        print("Demo server left at \(root).")
        if code != 0 { throw ExitCode(code) }
    }
}
