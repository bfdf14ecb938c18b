import Foundation
import ServerFixtures
import TestSupport
import Testing

/// `helofix inspect --check` follows the Nagios plugin convention, for each state.
@Suite struct CheckTests {
    static func check(_ tree: ServerTree?, extra: [String] = []) throws -> HelofixBinary.Result {
        let root = try tree?.writeToTemporaryDirectory(prefix: "helofix-check") ?? "/nonexistent/helofix-root"
        defer { if tree != nil { try? FileManager.default.removeItem(atPath: root) } }
        return try HelofixBinary.run(["inspect", "--no-dns", "--check", "--root", root] + extra)
    }

    /// One line: `HELOFIX STATE - text|critical=N warning=N rejections=N`.
    static func parse(_ out: String) -> (state: String, perf: [String: Int])? {
        let lines = out.split(separator: "\n")
        guard lines.count == 1, let bar = lines[0].firstIndex(of: "|"), lines[0].hasPrefix("HELOFIX ") else { return nil }
        let state = lines[0].dropFirst(8).prefix { $0 != " " }
        var perf: [String: Int] = [:]
        for item in lines[0][lines[0].index(after: bar)...].split(separator: " ") {
            let kv = item.split(separator: "=")
            if kv.count == 2, let n = Int(kv[1]) { perf[String(kv[0])] = n }
        }
        return (String(state), perf)
    }

    @Test func criticalWhenMailIsRefused() throws {
        let r = try Self.check(Fixtures.migratedCPanel)
        #expect(r.status == 2)
        let parsed = try #require(Self.parse(r.stdout), "\(r.stdout)")
        #expect(parsed.state == "CRITICAL")
        #expect(parsed.perf["critical"] == 3)
        #expect(parsed.perf["warning"] == 3)
        #expect(parsed.perf["rejections"] == 21)
    }

    @Test func warningWhenOnlyLatentProblems() throws {
        let r = try Self.check(Fixtures.clean.with("/etc/valiases/gone.example.com", "*: :fail:\n"))
        #expect(r.status == 1)
        #expect(Self.parse(r.stdout)?.state == "WARNING")
        #expect(r.stdout.contains("gone.example.com"))
    }

    @Test func okOnACleanServer() throws {
        let r = try Self.check(Fixtures.clean)
        #expect(r.status == 0)
        let parsed = try #require(Self.parse(r.stdout), "\(r.stdout)")
        #expect(parsed.state == "OK")
        #expect(parsed.perf == ["critical": 0, "warning": 0, "rejections": 0])
    }

    @Test func unknownWhenTheRootCannotBeRead() throws {
        let r = try Self.check(nil)
        #expect(r.status == 3)
        #expect(r.stdout.hasPrefix("HELOFIX UNKNOWN - "))
        #expect(r.stdout.contains("/nonexistent/helofix-root"))
    }

    @Test func unknownWhenAGivenLogCannotBeRead() throws {
        let r = try Self.check(Fixtures.clean, extra: ["--log", "/nonexistent/helofix/mainlog"])
        #expect(r.status == 3)
        #expect(Self.parse(r.stdout)?.state == "UNKNOWN")
    }

    @Test func plainInspectKeepsExitTwoForAnUnreadableRoot() throws {
        let r = try HelofixBinary.run(["inspect", "--no-dns", "--root", "/nonexistent/helofix-root"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("/nonexistent/helofix-root"))
    }
}

extension ServerTree {
    func with(_ path: String, _ text: String) -> ServerTree {
        var t = self
        t.file(path, text)
        return t
    }
}
