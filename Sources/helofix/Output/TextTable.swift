import Console

/// Fixed-width text layout for terminal reports: columns cut with `…` so every line fits.
enum TextTable {
    /// Pads or cuts `text` to exactly `width` columns.
    static func cell(_ text: String, _ width: Int) -> String {
        TextFit.pad(text, to: width)
    }

    /// Lays out rows in columns of the given widths (the last column takes the rest of `total`).
    static func rows(_ rows: [[String]], widths: [Int], total: Int, indent: Int = 2) -> String {
        let pad = String(repeating: " ", count: indent)
        var out = ""
        for row in rows {
            var line = pad
            // Columns used so far, counted as cells are added (each cell is exactly its width), not
            // re-measured per cell: a table of a million domains stays linear and cheap.
            var used = indent
            for (i, value) in row.enumerated() {
                if i == row.count - 1 {
                    line += cell(value, max(1, total - used)).trimmingTrailing()
                } else {
                    let w = i < widths.count ? widths[i] : max(1, total - used)
                    line += cell(value, w) + " "
                    used += w + 1
                }
            }
            out += line + "\n"
        }
        return out
    }
}

extension String {
    func trimmingTrailing() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
