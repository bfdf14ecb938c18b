import Foundation
import ServerFixtures
import TestSupport
import Testing

/// `helofix inspect` shows findings and rejections in text and JSON.
@Suite struct InspectFindingsTests {
    static func inspect(_ tree: ServerTree, _ args: [String]) throws -> HelofixBinary.Result {
        let root = try tree.writeToTemporaryDirectory(prefix: "helofix-inspect")
        defer { try? FileManager.default.removeItem(atPath: root) }
        return try HelofixBinary.run(["inspect", "--no-dns", "--root", root] + args)
    }

    @Test func jsonHasFindingsAndRejections() throws {
        let r = try Self.inspect(Fixtures.migratedCPanel, ["--format", "json"])
        #expect(r.status == 0)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        for key in ["diagnostics", "domains", "findings", "greetings", "hostname", "ips", "locks", "logs", "platform",
                    "rejections", "root", "settings", "version", "whitelist"] {
            #expect(doc[key] != nil, "\(key)")
        }
        let findings = try #require(doc["findings"] as? [[String: Any]])
        #expect(Set(findings.compactMap { $0["rule"] as? String }).isSuperset(of: ["rejected-helo-is-local-domain", "rejected-helo-is-hostname", "ineffective-whitelist", "orphan-local-domain"]))
        let rejections = try #require(doc["rejections"] as? [[String: Any]])
        #expect(rejections.first?["helo"] as? String == "shop.example.com")
        #expect(rejections.first?["count"] as? Int == 12)
        let sample = try #require((rejections.first?["samples"] as? [[String: Any]])?.first)
        #expect(sample["file"] as? String == "/var/log/exim_mainlog")
        #expect(sample["line"] as? Int == 4)
    }

    @Test func textShowsFindingsAndRejections() throws {
        let r = try Self.inspect(Fixtures.migratedCPanel, [])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Rejections in the logs (21)"))
        #expect(r.stdout.contains("Findings (6)"))
        #expect(r.stdout.contains("CRITICAL [rejected-helo-is-local-domain]\n    203.0.113.10 greets as the local domain shop.example.com"))
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func logOptionReadsTheGivenFileInstead() throws {
        let log = FileManager.default.temporaryDirectory.path + "/helofix-given-\(UUID().uuidString.prefix(8)).log"
        try Data("2026-11-25 10:00:00 H=(dave.example.org) [198.51.100.9]:1 rejected MAIL <a@b>: \"REJECTED - Bad HELO - Host impersonating [dave.example.org]\"\n".utf8)
            .write(to: URL(fileURLWithPath: log))
        defer { try? FileManager.default.removeItem(atPath: log) }
        let r = try Self.inspect(Fixtures.clean, ["--log", log, "--log", log, "--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect((doc["logs"] as? [String: Any])?["rejections"] as? Int == 2)
        let rules = (doc["findings"] as? [[String: Any]])?.compactMap { $0["rule"] as? String } ?? []
        #expect(rules.contains("rejected-helo-is-local-domain"))
    }

    @Test func missingGivenLogIsAnError() throws {
        let r = try Self.inspect(Fixtures.clean, ["--log", "/nonexistent/helofix/mainlog"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("/nonexistent/helofix/mainlog"))
    }
}
