import Foundation
import MailServer
import Testing
import ServerFixtures
import TestSupport

@Suite("helofix files")
struct FilesCommandTests {
    /// Every path `helofix inspect` touches under a fixture root (seen by the real `strace`) is in
    /// the catalog `helofix files` prints: a reader that opens a file outside it fails here.
    @Test(arguments: Fixtures.all.keys.sorted())
    func everyPathTheReadersOpenIsListed(_ name: String) throws {
        let strace = try #require(Tool.find("strace"), "strace is needed (apt-get install strace)")
        let root = try TemporaryRoot(Fixtures.all[name]!)
        defer { root.remove() }
        let trace = root.path + ".strace"
        defer { try? FileManager.default.removeItem(atPath: trace) }
        let run = try ProcessRunner.run([strace, "-f", "-qq", "-e", "trace=%file", "-o", trace, HelofixBinary.path,
                                         "inspect", "--root", root.path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let touched = Self.serverPaths(in: try String(contentsOfFile: trace, encoding: .utf8), root: root.path)
        #expect(touched.contains("/etc/hostname"), "the trace shows no reads: \(touched.sorted())")
        let platform = try #require(PlatformDetector.detect(ServerRoot(root.path)))
        let files = FileCatalog.files(for: platform)
        let log = try #require(FileCatalog.log(for: platform))
        let listed = files.map(\.path) + [log.path]
        for path in touched.sorted() {
            let base = path.hasSuffix(FileCatalog.lockSuffix) ? String(path.dropLast(FileCatalog.lockSuffix.count)) : path
            let covered = files.contains { $0.covers(base) } || log.covers(path)
                || listed.contains { $0.hasPrefix(path == "/" ? "/" : path + "/") }
            #expect(covered, "\(name): helofix read \(path), which `helofix files --platform \(platform.rawValue)` does not list")
        }
    }

    @Test func jsonListsEachPlatformWithItsLogMarkers() throws {
        let run = try HelofixBinary.run(["files", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let platforms = try #require(json["platforms"] as? [[String: Any]])
        #expect(platforms.compactMap { $0["platform"] as? String } == ["cpanel", "directadmin", "exim"])
        let cpanel = try #require(platforms.first?["files"] as? [[String: String]])
        #expect(cpanel.contains { $0["path"] == "/etc/localdomains" && $0["use"] == "content" })
        #expect(cpanel.contains { $0["pattern"] == "/etc/valiases/*" && $0["use"] == "names" })
        #expect(cpanel.contains { $0["pattern"] == "/var/named/*.db" })
        #expect(cpanel.contains { $0["path"] == "/etc/alwaysrelay" }, "the whitelist catalog's files are listed")
        let log = try #require(platforms.first?["log"] as? [String: Any])
        #expect(log["path"] as? String == "/var/log/exim_mainlog")
        #expect(log["markers"] as? [String] == ["impersonating", "_my_ address"])
    }

    /// The playbook reads the committed copy; it must be what this build prints.
    @Test func thePlaybooksCopyOfTheListIsCurrent() throws {
        let committed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("contrib/ansible/helofix-files.json")
        let run = try HelofixBinary.run(["files", "--format", "json"])
        #expect(run.status == 0)
        #expect(try String(contentsOf: committed, encoding: .utf8) == run.stdout,
                "contrib/ansible/helofix-files.json is out of date: run helofix files --format json > contrib/ansible/helofix-files.json")
    }

    @Test func textNamesOnePlatform() throws {
        let run = try HelofixBinary.run(["files", "--platform", "directadmin"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("/etc/virtual/domains") && run.stdout.contains("/etc/virtual/*/"))
        #expect(!run.stdout.contains("/etc/userdomains"), "cPanel's list is not in DirectAdmin's")
        #expect(run.stdout.contains("/var/log/exim/mainlog"))
    }

    /// Paths under `root` in strace's output, as server paths (`/` for the root itself).
    static func serverPaths(in trace: String, root: String) -> Set<String> {
        var paths: Set<String> = []
        for line in trace.split(separator: "\n") {
            var rest = Substring(line)
            while let open = rest.firstIndex(of: "\"") {
                let after = rest[rest.index(after: open)...]
                guard let close = after.firstIndex(of: "\"") else { break }
                let s = String(after[..<close])
                if s == root { paths.insert("/") } else if s.hasPrefix(root + "/") { paths.insert(String(s.dropFirst(root.count))) }
                rest = after[after.index(after: close)...]
            }
        }
        return paths
    }
}
