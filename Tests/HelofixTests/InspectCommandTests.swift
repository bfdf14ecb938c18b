import Foundation
import Testing
import ServerFixtures
import TestSupport

@Suite("helofix inspect")
struct InspectCommandTests {
    @Test(arguments: Fixtures.all.keys.sorted())
    func jsonHasTheStableKeys(_ name: String) throws {
        let root = try TemporaryRoot(Fixtures.all[name]!)
        defer { root.remove() }
        let result = try HelofixBinary.run(["inspect", "--no-dns", "--root", root.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["platform", "hostname", "domains", "greetings", "whitelist", "settings", "diagnostics"] {
            #expect(json[key] != nil, "missing key \(key)")
        }
        #expect(["cpanel", "directadmin", "exim", "unknown"].contains(json["platform"] as? String ?? ""))
        let domains = try #require(json["domains"] as? [[String: Any]])
        #expect(!domains.isEmpty && domains.allSatisfy { $0["name"] is String && $0["lists"] is [String] })
        let whitelist = try #require(json["whitelist"] as? [[String: Any]])
        #expect(whitelist.allSatisfy { w in ["entry", "list", "file", "line", "kind", "bypassesHeloCheck"].allSatisfy { w[$0] != nil } })
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.allSatisfy { d in ["file", "line", "problem", "text"].allSatisfy { d[$0] != nil } })
    }

    @Test(arguments: Fixtures.all.keys.sorted())
    func textFitsEightyColumns(_ name: String) throws {
        let root = try TemporaryRoot(Fixtures.all[name]!)
        defer { root.remove() }
        let result = try HelofixBinary.run(["inspect", "--no-dns", "--root", root.path])
        #expect(result.status == 0)
        let wide = result.stdout.split(separator: "\n").filter { $0.count > 80 && !$0.hasPrefix("root: ") }
        #expect(wide.isEmpty, "lines over 80 columns: \(wide)")
        #expect(result.stdout.contains("Hosted domains ("))
    }

    @Test func hostileServerExitsZeroAndListsEachProblemWithFileAndLine() throws {
        let root = try TemporaryRoot(Fixtures.hostile)
        defer { root.remove() }
        let result = try HelofixBinary.run(["inspect", "--no-dns", "--root", root.path, "--format", "json"])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let problems = (json?["diagnostics"] as? [[String: Any]] ?? []).map { "\($0["problem"]!)@\($0["file"]!):\($0["line"] ?? "-")" }
        for expected in ["invisible-entry@/etc/localdomains:2", "unquoted-ipv6@/etc/skipsmtpcheckhosts:1",
                         "binary-content@/etc/skipsmtpcheckhosts:5", "huge-line@/etc/skipsmtpcheckhosts:6",
                         "duplicate-key@/etc/localdomains:4", "crlf-line-ending@/etc/localdomains:1",
                         "non-utf8@/etc/localdomains:5", "missing-final-newline@/etc/localdomains:6"] {
            #expect(problems.contains(expected), "missing \(expected) in \(problems)")
        }
        #expect(problems.contains { $0.hasPrefix("symlink-loop@/etc/trustedmailhosts") })
        let text = try HelofixBinary.run(["inspect", "--no-dns", "--root", root.path])
        #expect(text.status == 0 && text.stdout.contains("/etc/localdomains:2  invisible-entry"))
    }

    @Test func noSuchRoot() throws {
        let result = try HelofixBinary.run(["inspect", "--no-dns", "--root", "/nonexistent/helofix-root"])
        #expect(result.status == 2)
        #expect(result.stderr == "helofix: error: no such directory: /nonexistent/helofix-root; pass --root with the directory that holds the server's etc/ (or omit it on the server itself)\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func notAMailServer() throws {
        let root = try TemporaryRoot.empty()
        defer { root.remove() }
        let result = try HelofixBinary.run(["inspect", "--no-dns", "--root", root.path, "--format", "json"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("helofix: error: \(root.path) is not a mail server:"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stdout.isEmpty)
    }

    @Test func rootThatIsAFile() throws {
        let root = try TemporaryRoot(Fixtures.clean)
        defer { root.remove() }
        let result = try HelofixBinary.run(["inspect", "--no-dns", "--root", root.host("/etc/hostname")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not a directory"))
    }

    /// Runs as `nobody` (tests run as root, which ignores permissions) against a 0700 root.
    @Test func unreadableRoot() throws {
        let root = try TemporaryRoot(Fixtures.clean)
        defer { root.remove() }
        chmod(root.path, 0o700)
        let result = try HelofixBinary.run(["inspect", "--no-dns", "--root", root.path], asUser: "nobody")
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr == "helofix: error: cannot read \(root.path): permission denied; run helofix as root (sudo helofix …)\n")
    }
}
