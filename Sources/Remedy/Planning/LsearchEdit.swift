import MailServer

/// Line-level edits of files Exim reads with lsearch, keeping every other byte as it was
/// (comments, order, CR LF, spacing), so the diff shows exactly the intended lines.
enum LsearchEdit {
    /// Lines split at `\n` with the newline kept on each (the last may lack it).
    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var current: [UInt8] = []
        for b in bytes {
            current.append(b)
            if b == 0x0A { out.append(current); current = [] }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// The 0-based line indexes of the visible entries whose key is `key` (case-insensitive),
    /// with their continuation lines in key/value files. A key is read from its own line only
    /// (Exim's lsearch rule), so only lines that contain the key's text are parsed: a one-line
    /// removal from a 100 000-line localdomains stays fast.
    static func entryLines(_ bytes: [UInt8], key: String, mode: LsearchParser.Mode) -> Set<Int> {
        let all = lines(bytes)
        let needle = Array(key.lowercased().utf8)
        var result = Set<Int>()
        for (index, line) in all.enumerated() {
            guard let first = line.first, first != 0x20, first != 0x09, first != UInt8(ascii: "#"),
                  contains(line, lowercasedNeedle: needle) else { continue }
            let parsed = LsearchParser.parse(line, file: "", mode: mode)
            guard let entry = parsed.entries.first, entry.visible, entry.key.lowercased() == key.lowercased() else { continue }
            var i = index
            result.insert(i)
            // Indented lines after a key continue its value in a key/value file.
            while mode == .keyValue, i + 1 < all.count, let next = all[i + 1].first, next == 0x20 || next == 0x09 {
                i += 1
                result.insert(i)
            }
        }
        return result
    }

    /// Whether `line` contains `needle` (already lower case), ASCII case-insensitively.
    static func contains(_ line: [UInt8], lowercasedNeedle needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, line.count >= needle.count else { return needle.isEmpty }
        let lowered = line.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        outer: for start in 0...(lowered.count - needle.count) {
            for k in 0..<needle.count where lowered[start + k] != needle[k] { continue outer }
            return true
        }
        return false
    }

    /// Whether the file has at least one visible key line (not blank, not a comment, not indented).
    static func hasKeys(_ bytes: [UInt8]) -> Bool {
        lines(bytes).contains { line in
            guard let first = line.first else { return false }
            return first != 0x20 && first != 0x09 && first != 0x0A && first != 0x0D && first != UInt8(ascii: "#")
        }
    }

    /// `bytes` without the entries for `key`.
    static func removing(_ key: String, from bytes: [UInt8], mode: LsearchParser.Mode) -> [UInt8] {
        let drop = entryLines(bytes, key: key, mode: mode)
        return lines(bytes).enumerated().filter { !drop.contains($0.offset) }.flatMap(\.element)
    }

    /// `bytes` with `line` as the entry for `key`: replaces the first entry (dropping any later
    /// duplicates Exim ignores anyway), else inserts before the `*` default (or appends).
    static func setting(_ key: String, line: String, in bytes: [UInt8], beforeDefault: Bool) -> [UInt8] {
        var all = lines(bytes)
        if let last = all.last, last.last != 0x0A { all[all.count - 1].append(0x0A) }
        let existing = entryLines(bytes, key: key, mode: .keyValue).sorted()
        let newLine = Array((line + "\n").utf8)
        if let first = existing.first {
            var out: [[UInt8]] = []
            for (i, l) in all.enumerated() {
                if i == first { out.append(newLine) } else if !existing.contains(i) { out.append(l) }
            }
            return out.flatMap { $0 }
        }
        if beforeDefault, let star = entryLines(bytes, key: "*", mode: .keyValue).min() {
            all.insert(newLine, at: star)
        } else {
            all.append(newLine)
        }
        return all.flatMap { $0 }
    }

    /// `bytes` with `line` appended (adding the missing final newline first).
    static func appending(_ line: String, to bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        if let last = out.last, last != 0x0A { out.append(0x0A) }
        return out + Array((line + "\n").utf8)
    }

    /// A BIND configuration without the `zone "domain" { … };` stanza (matched by brace depth).
    static func removingZone(_ domain: String, from bytes: [UInt8]) -> [UInt8] {
        let all = lines(bytes)
        var drop = Set<Int>()
        var i = 0
        while i < all.count {
            let text = String(decoding: all[i], as: UTF8.self)
            let trimmed = text.drop { $0 == " " || $0 == "\t" }
            let parts = trimmed.split(separator: "\"")
            if trimmed.hasPrefix("zone"), parts.count >= 2, parts[1].lowercased().trimmingSuffixDot() == domain {
                var depth = 0, seenOpen = false, j = i
                while j < all.count {
                    for c in String(decoding: all[j], as: UTF8.self) {
                        if c == "{" { depth += 1; seenOpen = true }
                        if c == "}" { depth -= 1 }
                    }
                    drop.insert(j)
                    if seenOpen && depth <= 0 { break }
                    j += 1
                }
                i = j + 1
                continue
            }
            i += 1
        }
        return all.enumerated().filter { !drop.contains($0.offset) }.flatMap(\.element)
    }

    /// Problems in `after` that `before` did not have. Removing whole entries cannot add any, so
    /// the (costly) full parse runs only when lines were added or changed.
    static func newProblems(before: [UInt8]?, after: [UInt8], file: String, mode: LsearchParser.Mode) -> [Diagnostic] {
        var old: [[UInt8]: Int] = [:]
        for line in lines(before ?? []) { old[line, default: 0] += 1 }
        var added = false
        for line in lines(after) {
            if let n = old[line], n > 0 { old[line] = n - 1 } else { added = true; break }
        }
        guard added else { return [] }
        let serious: Set<Diagnostic.Problem> = [.invalidEntry, .binaryContent, .unterminatedQuote, .duplicateKey, .invisibleEntry]
        let was = LsearchParser.parse(before ?? [], file: file, mode: mode).diagnostics.filter { serious.contains($0.problem) }
        let now = LsearchParser.parse(after, file: file, mode: mode).diagnostics.filter { serious.contains($0.problem) }
        return now.count > was.count ? Array(now.suffix(now.count - was.count)) : []
    }
}

extension String {
    func trimmingSuffixDot() -> String { hasSuffix(".") ? String(dropLast()) : self }
}
