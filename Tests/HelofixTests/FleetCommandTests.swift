import Foundation
import Testing
import ServerFixtures
import TestSupport

/// `helofix fleet` on a DEST laid out as the playbook leaves it (written directly, without Ansible).
@Suite("helofix fleet")
struct FleetCommandTests {
    /// DEST with the three fixture servers, plus the playbook's hidden `.incoming`.
    static func dest(extra: [(String, ServerTree)] = []) throws -> TemporaryRoot {
        let dest = try TemporaryRoot.empty()
        for (name, tree) in Fixtures.fleet.map({ ($0.name, $0.tree) }) + extra { try tree.write(to: dest.host("/\(name)")) }
        try FileManager.default.createDirectory(atPath: dest.host("/.incoming"), withIntermediateDirectories: true)
        return dest
    }

    @Test func textNamesTheServerToFixAndTheCommands() throws {
        let dest = try Self.dest()
        defer { dest.remove() }
        let run = try HelofixBinary.run(["fleet", "--no-dns", dest.path, "--inventory", "hosts.ini"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("3 servers read"), "\(run.stdout)")
        #expect(run.stdout.contains("[domain-on-two-servers]") && run.stdout.contains("fix on: old"), "\(run.stdout)")
        #expect(run.stdout.contains("helofix plan remove-domain shop.example.com"))
        #expect(run.stdout.contains("ansible old -i hosts.ini -m ansible.builtin.command -a 'helofix plan remove-domain shop.example.com'"))
        #expect(!run.stdout.contains(".incoming"))
        #expect(run.stdout.contains("Nothing was changed."))
    }

    @Test func checkIsCriticalForTheStaleCopy() throws {
        let dest = try Self.dest()
        defer { dest.remove() }
        let run = try HelofixBinary.run(["fleet", "--no-dns", dest.path, "--check"])
        #expect(run.status == 2, "\(run.stdout)")
        #expect(run.stdout.hasPrefix("HELOFIX FLEET CRITICAL - 1 across servers: shop.example.com is local on new and old"), "\(run.stdout)")
        #expect(run.stdout.contains("|servers=3 unread=0 fleet=1 "))
    }

    @Test func aTreeThatIsNotAServerIsReportedAndTheOthersAreRead() throws {
        let dest = try Self.dest(extra: [("empty", ServerTree())])
        defer { dest.remove() }
        let run = try HelofixBinary.run(["fleet", "--no-dns", dest.path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let servers = try #require(json["servers"] as? [[String: Any]])
        let empty = try #require(servers.first { $0["name"] as? String == "empty" })
        #expect(empty["read"] as? Bool == false)
        #expect((empty["problems"] as? [String])?.first?.contains("is not a mail server") == true)
        #expect((json["fleetFindings"] as? [Any])?.count == 1)
    }

    @Test func badDestinationsAreOneLineErrors() throws {
        let missing = try HelofixBinary.run(["fleet", "/nonexistent/helofix-fleet"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "helofix: error: no such directory: /nonexistent/helofix-fleet; pass the directory given to the playbook as helofix_dest\n")
        let single = try TemporaryRoot(Fixtures.clean)
        defer { single.remove() }
        let one = try HelofixBinary.run(["fleet", single.path])
        #expect(one.status == 2)
        #expect(one.stderr.contains("is one server's root, not a fleet"), "\(one.stderr)")
        let empty = try TemporaryRoot.empty()
        defer { empty.remove() }
        let none = try HelofixBinary.run(["fleet", empty.path, "--check"])
        #expect(none.status == 3)
        #expect(none.stdout.hasPrefix("HELOFIX FLEET UNKNOWN - "))
    }

    @Test func consoleOptionsAreCheckedBeforeAnythingIsRead() throws {
        let dest = try Self.dest()
        defer { dest.remove() }
        let both = try HelofixBinary.run(["fleet", dest.path, "--console", "--check"])
        #expect(both.status != 0)
        #expect(both.stderr.contains("--console shows the fleet on screen; leave out --check and --format"), "\(both.stderr)")
        let theme = try HelofixBinary.run(["fleet", dest.path, "--theme", "mono"])
        #expect(theme.stderr.contains("--theme and --ascii go with --console"), "\(theme.stderr)")
        // Without a terminal the console says what to use instead, in one line.
        let noTTY = try HelofixBinary.run(["fleet", dest.path, "--console", "--no-dns"])
        #expect(noTTY.status == 2)
        #expect(noTTY.stderr == "helofix: error: the fleet console needs an interactive terminal (stdin and stdout a tty, TERM not dumb); use `helofix fleet DEST` for a printed report.\n", "\(noTTY.stderr)")
    }

    @Test func demoFleetIsTheThreeFixtureServers() throws {
        let parent = try TemporaryRoot.empty()
        defer { parent.remove() }
        let dir = parent.host("/fleet")
        let made = try HelofixBinary.run(["demo", "--fleet-to", dir])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout == "Demo fleet written to \(dir) (old, new, other).\n")
        let report = try HelofixBinary.run(["fleet", dir, "--no-dns", "--check"])
        #expect(report.stdout.hasPrefix("HELOFIX FLEET CRITICAL - 1 across servers: shop.example.com is local on new and old"), "\(report.stdout)")
        let again = try HelofixBinary.run(["demo", "--fleet-to", dir])
        #expect(again.status != 0)
        #expect(again.stderr == "helofix: error: \(dir) already exists; name a new directory for the demo fleet.\n")
    }
}
