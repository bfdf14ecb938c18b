/// Fixed-width text layout for terminal reports: columns cut with `…` so every line fits.
enum TextTable {
    /// Pads or cuts `text` to exactly `width` characters.
    static func cell(_ text: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        if text.count > width { return String(text.prefix(width - 1)) + "…" }
        return text + String(repeating: " ", count: width - text.count)
    }

    /// Wraps `text` to `width`, indenting continuation lines by `indent` spaces.
    static func wrap(_ text: String, width: Int, indent: Int) -> [String] {
        var lines: [String] = []
        let lead = String(text.prefix { $0 == " " })
        var current = lead
        let pad = String(repeating: " ", count: indent)
        for word in text.split(separator: " ") {
            let limit = lines.isEmpty ? width : width - indent
            if current == lead && lines.isEmpty { current += String(word) }
            else if current.isEmpty { current = String(word) }
            else if current.count + 1 + word.count <= limit { current += " " + word }
            else { lines.append(current); current = String(word) }
            while current.count > (lines.isEmpty ? width : width - indent) {
                let w = lines.isEmpty ? width : width - indent
                lines.append(String(current.prefix(w)))
                current = String(current.dropFirst(w))
            }
        }
        if !current.isEmpty && current != lead { lines.append(current) }
        return lines.enumerated().map { $0.offset == 0 ? $0.element : pad + $0.element }
    }

    /// Lays out rows in columns of the given widths (the last column takes the rest of `total`).
    static func rows(_ rows: [[String]], widths: [Int], total: Int, indent: Int = 2) -> String {
        let pad = String(repeating: " ", count: indent)
        var out = ""
        for row in rows {
            var line = pad
            for (i, value) in row.enumerated() {
                let w = i < widths.count ? widths[i] : max(1, total - line.count)
                line += i == row.count - 1 ? cell(value, max(1, total - line.count)).trimmingTrailing() : cell(value, w) + " "
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
