/// The line each key was first seen on, keys compared as Exim does (case-insensitively).
struct KeyLines {
    private var keys: ByteInterner
    private var lines: [Int] = []

    init(capacity: Int) { keys = ByteInterner(capacity: capacity) }

    /// The line `key` was first seen on, or `nil` (and `line` is remembered) when it is new.
    mutating func firstLine(of key: String, _ line: Int) -> Int? {
        // ASCII keys fold byte by byte; others the way String does it (the folded text is then hashed as is).
        let ascii = !key.utf8.contains { $0 >= 0x80 }
        let id = ascii ? keys.id(of: key, fold: true) : keys.id(of: key.lowercased(), fold: false)
        if id < lines.count { return lines[id] }
        lines.append(line)
        return nil
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
