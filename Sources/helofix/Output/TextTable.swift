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
            for (i, value) in row.enumerated() {
                let w = i < widths.count ? widths[i] : max(1, total - TextFit.width(line))
                line += i == row.count - 1 ? cell(value, max(1, total - TextFit.width(line))).trimmingTrailing() : cell(value, w) + " "
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
