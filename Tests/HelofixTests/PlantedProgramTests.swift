import Foundation
import Remedy
import ServerFixtures
import Testing
import TestSupport

/// A copied or untrusted tree carries executables at every platform-command path (and at the
/// paths Exim and the panels use): `helofix apply` and `rollback` of every remedy on that tree
/// run none of them. Each planted program would leave a marker file if it ever ran.
@Suite struct PlantedProgramTests {
    static let plantedPaths = PlatformProgram.known.sorted() + ["/usr/sbin/exim", "/usr/sbin/exim4", "/usr/sbin/sendmail",
                                                                "/scripts/updateuserdomains", "/scripts/restartsrv_tailwatchd",
                                                                "/scripts/restartsrv_exim", "/bin/sh", "/usr/bin/env"]

    static func plant(_ root: CLIRoot) throws {
        for (n, path) in plantedPaths.enumerated() {
            let host = root.path + path
            try FileManager.default.createDirectory(atPath: (host as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data("#!/bin/sh\ntouch '\(root.path)/ran-\(n)'\nexit 0\n".utf8).write(to: URL(fileURLWithPath: host))
            chmod(host, 0o755)
        }
    }

    static func markers(_ root: CLIRoot) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0.hasPrefix("ran-") }
    }

    @Test(arguments: [
        ("cpanel", ["remove-domain", "shop.example.com"]),
        ("cpanel", ["set-greeting", "bob.example.net", "mail.bob.example.net"]),
        ("cpanel", ["remove-greeting", "*"]),
        ("cpanel", ["whitelist", "198.51.100.7"]),
        ("collision", ["rename-hostname", "server1.example.com"]),
        ("directadmin", ["rename-hostname", "da2.hostco.example"]),
        ("directadmin", ["whitelist", "198.51.100.8"]),
        ("directadmin", ["remove-domain", "shop.example.net", "--force"]),
    ])
    func applyAndRollbackRunNothingFromTheTree(_ fixture: String, _ remedy: [String]) throws {
        let tree = fixture == "cpanel" ? Fixtures.migratedCPanel : fixture == "collision" ? Fixtures.hostnameCollision : Fixtures.directAdmin
        let root = try CLIRoot(tree)
        defer { root.remove() }
        try Self.plant(root)
        let apply = try root.helofix(["apply"] + remedy + ["--yes", "--reason", "planted"])
        #expect(Self.markers(root) == [], "apply ran a program from the tree: \(apply.stdout)\(apply.stderr)")
        if remedy[0] == "rename-hostname" {
            // Only a platform command: the admin's step on the server, refused here.
            #expect(apply.status == 1 && apply.stderr.contains("run on the server: "), "\(apply.stderr)")
            return
        }
        #expect(apply.status == 0, "\(apply.stderr)")
        let id = try #require(apply.stdout.split(separator: " ").first { $0.hasPrefix("20") && $0.count == 20 }.map(String.init))
        let rollback = try root.helofix(["rollback", id, "--yes"])
        #expect(rollback.status == 0, "\(rollback.stderr)")
        #expect(Self.markers(root) == [], "rollback ran a program from the tree")
    }
}
