import Foundation
import Remedy
import Testing
import TestSupport

@Suite struct UnifiedDiffTests {
    /// Applies an edit script: keeps and inserts give the new text, keeps and deletes the old.
    func sides(_ edits: [UnifiedDiff.Edit]) -> ([String], [String]) {
        var a: [String] = [], b: [String] = []
        for e in edits {
            switch e {
            case .keep(let l): a.append(l); b.append(l)
            case .delete(let l): a.append(l)
            case .insert(let l): b.append(l)
            }
        }
        return (a, b)
    }

    /// Length of the longest common subsequence, by dynamic programming (the reference).
    func lcs(_ a: [String], _ b: [String]) -> Int {
        var row = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var prev = 0
            for (j, y) in b.enumerated() {
                let tmp = row[j + 1]
                row[j + 1] = x == y ? prev + 1 : max(row[j + 1], row[j])
                prev = tmp
            }
        }
        return row[b.count]
    }

    @Test func editScriptIsMinimalAndReconstructsBothSides() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let a = (0..<Int.random(in: 0...12, using: &rng)).map { _ in ["a", "b", "c", "d"].randomElement(using: &rng)! }
            let b = (0..<Int.random(in: 0...12, using: &rng)).map { _ in ["a", "b", "c", "d"].randomElement(using: &rng)! }
            let edits = UnifiedDiff.edits(a, b)
            let (x, y) = sides(edits)
            #expect(x == a && y == b)
            let kept = edits.filter { if case .keep = $0 { true } else { false } }.count
            #expect(kept == lcs(a, b), "not minimal for \(a) -> \(b)")
        }
    }

    @Test func rendersTheUnifiedFormat() {
        let text = UnifiedDiff.render(from: ["a", "b", "c", "d", "e", "f", "g", "h", "i"], to: ["a", "b", "c", "d", "X", "f", "g", "h", "i"],
                                      oldName: "a/f", newName: "b/f")
        #expect(text == "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+X\n f\n g\n h\n")
        #expect(UnifiedDiff.render(from: ["same"], to: ["same"], oldName: "a", newName: "b").isEmpty)
    }

    /// The real `patch` program must turn the old file into the new one with our diff.
    @Test func patchAcceptsOurDiffs() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("helofix-diff-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var rng = SystemRandomNumberGenerator()
        for round in 0..<25 {
            let a = (0..<Int.random(in: 1...40, using: &rng)).map { _ in "line \(Int.random(in: 0...9, using: &rng))" }
            var b = a
            for _ in 0..<Int.random(in: 1...5, using: &rng) {
                switch Int.random(in: 0...2, using: &rng) {
                case 0 where !b.isEmpty: b.remove(at: Int.random(in: 0..<b.count, using: &rng))
                case 1: b.insert("new \(round)", at: Int.random(in: 0...b.count, using: &rng))
                default: if !b.isEmpty { b[Int.random(in: 0..<b.count, using: &rng)] = "changed" }
                }
            }
            let file = dir.appendingPathComponent("f")
            try Data((a.map { $0 + "\n" }.joined()).utf8).write(to: file)
            let diff = UnifiedDiff.render(from: a, to: b, oldName: "f", newName: "f")
            if diff.isEmpty { #expect(a == b); continue }
            let patch = try ProcessRunner.run(["/usr/bin/patch", "-s", file.path], stdin: diff)
            #expect(patch.status == 0)
            let patched = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            #expect(patched == b.map { $0 + "\n" }.joined(), "patch disagrees for \(a) -> \(b)")
        }
    }

    @Test func largeFilesWithFewChangesAreCheap() {
        let a = (0..<20000).map { "d\($0).example.com" }
        var b = a
        b.remove(at: 12345)
        let edits = UnifiedDiff.edits(a, b)
        #expect(edits.count == 20000)
        #expect(edits.filter { $0 == .delete("d12345.example.com") }.count == 1)
    }

    /// Two unrelated big files: bounded work, still a correct (if not minimal) script.
    @Test func unrelatedLargeFilesStayBounded() {
        let a = (0..<30000).map { "old \($0)" }, b = (0..<30000).map { "new \($0)" }
        let edits = UnifiedDiff.edits(a, b)
        let (x, y) = sides(edits)
        #expect(x == a && y == b)
        #expect(UnifiedDiff.edits(a, []).count == 30000)
    }

    @Test func crlfFilesDiffLineByLine() {
        let change = FileChange(path: "/etc/x", before: Array("a\r\nb\r\nc\r\n".utf8), after: Array("a\r\nc\r\n".utf8), expected: nil)
        #expect(UnifiedDiff.render(change) == "--- a/etc/x\n+++ b/etc/x\n@@ -1,3 +1,2 @@\n a\r\n-b\r\n c\r\n")
    }
}
