/// Unified diffs (`diff -u` format) of line sequences, computed with Myers' O(ND) algorithm so a
/// one-line change in a 10 000-line `localdomains` stays cheap.
public enum UnifiedDiff {
    /// One line of an edit script.
    public enum Edit: Equatable, Sendable {
        case keep(String)
        case delete(String)
        case insert(String)
    }

    /// Beyond this many differing lines the middle part is shown as "all removed, all added"
    /// instead of searching for the shortest script (which costs O(D²) memory).
    static let maxEditDistance = 2000

    /// The shortest edit script turning `a` into `b` (common head and tail first, then Myers on
    /// the middle; a middle with more than ``maxEditDistance`` differences is replaced whole).
    public static func edits(_ a: [String], _ b: [String]) -> [Edit] {
        var head = 0
        while head < a.count && head < b.count && a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head && tail < b.count - head && a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        let midA = Array(a[head..<(a.count - tail)]), midB = Array(b[head..<(b.count - tail)])
        var out = a[..<head].map { Edit.keep($0) }
        if midA.isEmpty || midB.isEmpty {
            out += midA.map { .delete($0) } + midB.map { .insert($0) }
        } else {
            out += myers(midA, midB) ?? (midA.map { .delete($0) } + midB.map { .insert($0) })
        }
        return out + a[(a.count - tail)...].map { .keep($0) }
    }

    /// Myers' algorithm; `nil` when the distance exceeds ``maxEditDistance``. Each round keeps only
    /// its diagonals -d…d, so memory is O(D²), not O(D·(N+M)).
    private static func myers(_ a: [String], _ b: [String]) -> [Edit]? {
        let n = a.count, m = b.count
        let maxD = min(n + m, maxEditDistance)
        let offset = maxD + 1
        var v = [Int](repeating: 0, count: 2 * maxD + 3)
        var trace: [[Int]] = []
        for d in 0...maxD {
            trace.append(Array(v[(offset - d)...(offset + d)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n && y < m && a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n && y >= m { return backtrack(trace, a, b) }
            }
        }
        return nil
    }

    /// Walks the rounds backwards; `trace[d][k + d]` is the furthest x on diagonal k before round d.
    private static func backtrack(_ trace: [[Int]], _ a: [String], _ b: [String]) -> [Edit] {
        var x = a.count, y = b.count
        var out: [Edit] = []
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            func at(_ k: Int) -> Int { v[k + d] }
            let prevK = d == 0 ? 0 : ((k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1)
            let prevX = d == 0 ? 0 : at(prevK)
            let prevY = prevX - prevK
            while x > prevX && y > prevY { x -= 1; y -= 1; out.append(.keep(a[x])) }
            if d > 0 {
                if x == prevX { y -= 1; out.append(.insert(b[y])) } else { x -= 1; out.append(.delete(a[x])) }
            }
        }
        return out.reversed()
    }

    /// Splits text into lines as `diff` does (a final newline does not start an empty line). Split
    /// on the byte, not on Swift characters: "\r\n" is one Character, and CR LF files must diff by line.
    public static func lines(_ bytes: [UInt8]) -> [String] {
        if bytes.isEmpty { return [] }
        var parts = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
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
