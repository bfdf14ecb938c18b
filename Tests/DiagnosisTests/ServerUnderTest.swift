import Diagnosis
import Foundation
import MailServer
import ServerFixtures

/// A fixture tree written to a temporary root, read, its logs scanned and its findings evaluated.
struct ServerUnderTest {
    let root: String
    let snapshot: ServerSnapshot
    let logs: LogScanReport
    let findings: [Finding]

    init(_ tree: ServerTree) throws {
        let dir = try tree.writeToTemporaryDirectory(prefix: "helofix-diag")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        root = dir
        let serverRoot = ServerRoot(dir)
        snapshot = try SnapshotReader(root: serverRoot).read()
        logs = LogScanner().scan(LogFile.defaults(root: serverRoot, platform: snapshot.platform))
        findings = FindingEngine().evaluate(snapshot, rejections: logs.groups)
    }

    func findings(_ rule: RuleID) -> [Finding] { findings.filter { $0.rule == rule } }

    func fires(_ rule: RuleID, about subject: String) -> Bool {
        findings(rule).contains { f in f.subjects.contains { $0.text == subject } }
    }
}

extension ServerTree {
    /// This tree with one more file (a later node replaces an earlier one at the same path).
    func with(_ path: String, _ text: String, mode: UInt16 = 0o644) -> ServerTree {
        var t = self
        t.file(path, text, mode: mode)
        return t
    }
}
