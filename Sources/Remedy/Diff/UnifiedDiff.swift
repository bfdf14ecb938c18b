/// Unified diffs (`diff -u` format) of line sequences, computed with Myers' O(ND) algorithm so a
/// one-line change in a 10 000-line `localdomains` stays cheap.
public enum UnifiedDiff {
    /// One line of an edit script.
    public enum Edit: Equatable, Sendable {
        case keep(String)
        case delete(String)
        case insert(String)
    }

    /// The shortest edit script turning `a` into `b`.
    public static func edits(_ a: [String], _ b: [String]) -> [Edit] {
        let n = a.count, m = b.count
        let maxD = n + m
        if maxD == 0 { return [] }
        let offset = maxD
        var v = [Int](repeating: 0, count: 2 * maxD + 2)
        var trace: [[Int]] = []
        outer: for d in 0...maxD {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = v[offset + k + 1]
                } else {
                    x = v[offset + k - 1] + 1
                }
                var y = x - k
                while x < n && y < m && a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n && y >= m { trace.append(v); break outer }
            }
        }
        return backtrack(trace, a, b, offset)
    }

    private static func backtrack(_ trace: [[Int]], _ a: [String], _ b: [String], _ offset: Int) -> [Edit] {
        var x = a.count, y = b.count
        var out: [Edit] = []
        // trace[d] holds v before round d; the last entry is the final v.
        for d in stride(from: trace.count - 2, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let prevK: Int
            if d == 0 {
                prevK = 0
            } else if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                prevK = k + 1
            } else {
                prevK = k - 1
            }
            let prevX = d == 0 ? 0 : v[offset + prevK]
            let prevY = prevX - prevK
            while x > prevX && y > prevY { x -= 1; y -= 1; out.append(.keep(a[x])) }
            if d > 0 {
                if x == prevX { y -= 1; out.append(.insert(b[y])) } else { x -= 1; out.append(.delete(a[x])) }
            }
        }
        while x > 0 && y > 0 { x -= 1; y -= 1; out.append(.keep(a[x])) }
        return out.reversed()
    }

    /// Splits text into lines as `diff` does (a final newline does not start an empty line).
    public static func lines(_ bytes: [UInt8]) -> [String] {
        if bytes.isEmpty { return [] }
        var parts = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if parts.last == "" { parts.removeLast() }
        return parts
    }

    /// The `diff -u` text for two versions of a file; empty when they are equal.
    public static func render(from: [String], to: [String], oldName: String, newName: String, context: Int = 3) -> String {
        let script = edits(from, to)
        guard script.contains(where: { if case .keep = $0 { false } else { true } }) else { return "" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        for hunk in hunks(script, context: context) { out += hunk }
        return out
    }

    /// The diff of one planned file change (`/dev/null` for a created or removed file).
    public static func render(_ change: FileChange) -> String {
        let old = change.before == nil ? "/dev/null" : "a\(change.path)"
        let new = change.after == nil ? "/dev/null" : "b\(change.path)"
        let text = render(from: lines(change.before ?? []), to: lines(change.after ?? []), oldName: old, newName: new)
        if text.isEmpty && change.before != change.after {
            // Empty file created or removed: no lines differ, so say it in words.
            return "--- \(old)\n+++ \(new)\n" + (change.after == nil ? "(empty file removed)\n" : "(empty file created)\n")
        }
        return text
    }

    private static func hunks(_ script: [Edit], context: Int) -> [String] {
        let changed = script.indices.filter { if case .keep = script[$0] { false } else { true } }
        var groups: [ClosedRange<Int>] = []
        for i in changed {
            let lo = max(0, i - context), hi = min(script.count - 1, i + context)
            if let last = groups.last, lo <= last.upperBound + 1 {
                groups[groups.count - 1] = last.lowerBound...max(last.upperBound, hi)
            } else {
                groups.append(lo...hi)
            }
        }
        var oldLine = 1, newLine = 1, position = 0
        var out: [String] = []
        for group in groups {
            while position < group.lowerBound {
                switch script[position] {
                case .keep: oldLine += 1; newLine += 1
                case .delete: oldLine += 1
                case .insert: newLine += 1
                }
                position += 1
            }
            var body = "", oldCount = 0, newCount = 0
            for edit in script[group] {
                switch edit {
                case .keep(let l): body += " \(l)\n"; oldCount += 1; newCount += 1
                case .delete(let l): body += "-\(l)\n"; oldCount += 1
                case .insert(let l): body += "+\(l)\n"; newCount += 1
                }
            }
            let oldStart = oldCount == 0 ? oldLine - 1 : oldLine
            let newStart = newCount == 0 ? newLine - 1 : newLine
            out.append("@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n" + body)
            oldLine += oldCount
            newLine += newCount
            position = group.upperBound + 1
        }
        return out
    }

    private static func range(_ start: Int, _ count: Int) -> String { count == 1 ? "\(start)" : "\(start),\(count)" }
}
