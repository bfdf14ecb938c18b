import Console
import MailServer

/// Fixed-width text layout for terminal reports: columns cut with `…` so every line fits.
enum TextTable {
    /// Pads or cuts `text` to exactly `width` columns.
    static func cell(_ text: String, _ width: Int) -> String {
        TextFit.pad(text, to: width)
    }

    /// Lays out rows in columns of the given widths (the last column takes the rest of `total`).
    static func rows(_ rows: [[String]], widths: [Int], total: Int, indent: Int = 2) -> String {
        self.rows(count: rows.count, widths: widths, total: total, indent: indent) { rows[$0] }
    }

    /// Lays out `count` rows, row `i` made by `row(i)`, as ``rows(_:widths:total:indent:)`` does.
    /// Runs of rows are laid out on every core and joined in order (a server's table of 100,000
    /// domains took half a second on one), each line as bytes: cells are measured and cut by
    /// `TextFit`, and only the padding and joining, which made a `String` per cell, are done here.
    static func rows(count: Int, widths: [Int], total: Int, indent: Int = 2, row: @Sendable (Int) -> [String]) -> String {
        let run = 256
        guard count > run else { return String(decoding: lines(0..<count, widths: widths, total: total, indent: indent, row: row), as: UTF8.self) }
        let parts = ConcurrentParts.map(count, inRunsOf: run) { range in
            lines(range, widths: widths, total: total, indent: indent, row: row)
        }
        var out: [UInt8] = []
        out.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for p in parts { out += p }
        return String(decoding: out, as: UTF8.self)
    }

    /// The lines of rows `range`, as UTF-8.
    private static func lines(_ range: Range<Int>, widths: [Int], total: Int, indent: Int, row: (Int) -> [String]) -> [UInt8] {
        var out: [UInt8] = []
        for r in range {
            let values = row(r)
            out.append(contentsOf: repeatElement(0x20, count: indent))
            // Columns used so far, counted as cells are added (each cell is exactly its width), not
            // re-measured per cell: a table of a million domains stays linear and cheap.
            var used = indent
            for (i, value) in values.enumerated() {
                if i == values.count - 1 {
                    lastCell(value, max(1, total - used), into: &out)
                } else {
                    let w = i < widths.count ? widths[i] : max(1, total - used)
                    paddedCell(value, w, into: &out)
                    out.append(0x20)
                    used += w + 1
                }
            }
            out.append(0x0A)
        }
        return out
    }

    /// ``cell(_:_:)``'s bytes: `text` fitted to `width` columns, then spaces up to `width`.
    private static func paddedCell(_ text: String, _ width: Int, into out: inout [UInt8]) {
        guard width > 0 else { return }
        let cut = TextFit.fit(text, width)
        out.append(contentsOf: cut.utf8)
        out.append(contentsOf: repeatElement(0x20, count: max(0, width - TextFit.width(cut))))
    }

    /// The last cell of a line: ``cell(_:_:)`` without its trailing spaces.
    private static func lastCell(_ text: String, _ width: Int, into out: inout [UInt8]) {
        guard width > 0 else { return }
        let cut = TextFit.fit(text, width)
        // In ASCII a space at the end is a character of its own, so dropping space bytes is what
        // `trimmingTrailing` does; other text keeps the `Character` rule (a space can join what
        // precedes it into one character).
        if cut.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes = Array(cut.utf8)
            while bytes.last == 0x20 { bytes.removeLast() }
            out.append(contentsOf: bytes)
        } else {
            out.append(contentsOf: cell(text, width).trimmingTrailing().utf8)
        }
    }
}

extension String {
    func trimmingTrailing() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
