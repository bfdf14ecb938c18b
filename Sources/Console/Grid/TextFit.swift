#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibcExtras

/// Measures, cuts, pads and wraps text in terminal columns: the one place that knows how wide a
/// character is, used by the console's screens and the command line's text reports alike.
///
/// Widths are the C library's `wcwidth(3)`, the same table ncursesw uses to place characters, so
/// what the console lays out is what the terminal shows (an emoji, a CJK character in an IDN, a
/// combining accent). `wcwidth` answers by the locale's character type; the process locale may be
/// "C" (tests, `inspect` under cron) or anything the admin set, so each measurement switches only
/// the calling thread to `C.UTF-8` for its duration (`uselocale`), leaving the process locale, which
/// the curses terminal sets for itself, alone.
public enum TextFit {
    /// Columns of one character: the sum over its code points, as the terminal advances the cursor.
    public static func width(_ character: Character) -> Int {
        if let ascii = character.asciiValue, ascii >= 0x20 && ascii < 0x7F { return 1 }
        return withUTF8Locale { character.unicodeScalars.reduce(0) { $0 + columns($1) } }
    }

    /// Columns of `text`.
    public static func width<S: StringProtocol>(_ text: S) -> Int {
        // Plain ASCII needs no table.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return withUTF8Locale { text.unicodeScalars.reduce(0) { $0 + columns($1) } }
    }

    /// Columns of `text`: the same as the generic form, without its per-byte dispatch (a report of
    /// a million rows measures every cell).
    public static func width(_ text: String) -> Int {
        var text = text
        if let n = text.withUTF8(asciiColumns) { return n }
        return withUTF8Locale { text.unicodeScalars.reduce(0) { $0 + columns($1) } }
    }

    /// Columns of `text` (a word being wrapped).
    public static func width(_ text: Substring) -> Int {
        var text = text
        if let n = text.withUTF8(asciiColumns) { return n }
        return withUTF8Locale { text.unicodeScalars.reduce(0) { $0 + columns($1) } }
    }

    /// The byte count when every byte is printable ASCII (one column each), else `nil`.
    private static func asciiColumns(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        for b in bytes where b < 0x20 || b >= 0x7F { return nil }
        return bytes.count
    }

    /// `text` cut to `width` columns, ending in `ellipsis` when cut.
    public static func fit(_ text: String, _ width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if Self.width(text) <= width { return text }
        return prefix(text, columns: width - Self.width(ellipsis)) + ellipsis
    }

    /// `text` cut (with `ellipsis`) or padded with spaces to exactly `width` columns.
    public static func pad(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        let cut = fit(text, width, ellipsis: ellipsis)
        return cut + String(repeating: " ", count: max(0, width - Self.width(cut)))
    }

    /// `text` in lines of at most `width` columns, broken at spaces (a word longer than a line is
    /// broken inside). Each `\n` starts a new paragraph; leading spaces stay on the first line;
    /// continuation lines are indented by `indent` spaces, which count against `width`.
    public static func wrap(_ text: String, _ width: Int, indent: Int = 0) -> [String] {
        guard width > 4, indent < width - 4 else { return [text] }
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let lead = String(paragraph.prefix { $0 == " " })
            var paragraphLines: [String] = []
            // The line being filled and its columns, kept as it grows: measuring each word once
            // keeps a report of a million findings linear (re-measuring the line per word did not).
            var line = lead
            var used = lead.count
            var hasWord = false
            var limit = width
            func finish(_ finished: String) {
                paragraphLines.append(finished)
                limit = width - indent
            }
            for word in paragraph.dropFirst(lead.count).split(separator: " ", omittingEmptySubsequences: false) {
                let wordWidth = Self.width(word)
                let needed = hasWord ? used + 1 + wordWidth : used + wordWidth
                if needed <= limit {
                    if hasWord { line += " " }
                    line += word
                    used = needed
                    hasWord = hasWord || !word.isEmpty
                    continue
                }
                if hasWord { finish(line) }
                let keepsLead = !hasWord && paragraphLines.isEmpty
                var rest = keepsLead ? lead + word : String(word)
                var restWidth = keepsLead ? lead.count + wordWidth : wordWidth
                if restWidth > limit && rest.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
                    // Plain ASCII (the usual broken name): a column is a byte, so cut at byte offsets.
                    let bytes = rest.utf8
                    var start = bytes.startIndex
                    while bytes.distance(from: start, to: bytes.endIndex) > limit {
                        let end = bytes.index(start, offsetBy: limit)
                        finish(String(rest[start..<end]))
                        start = end
                    }
                    restWidth = bytes.distance(from: start, to: bytes.endIndex)
                    rest = String(rest[start...])
                } else if restWidth > limit {
                    // One pass over the word, so a 10 MB name (a broken /etc/hostname) takes time in
                    // proportion to its length, not its square.
                    var piece = ""
                    var pieceWidth = 0
                    for character in rest {
                        let w = Self.width(character)
                        // A character wider than the whole line still has to go somewhere.
                        if pieceWidth + w > limit && !piece.isEmpty {
                            finish(piece)
                            piece = ""
                            pieceWidth = 0
                        }
                        piece.append(character)
                        pieceWidth += w
                    }
                    rest = piece
                    restWidth = pieceWidth
                }
                line = rest
                used = restWidth
                hasWord = rest != lead
            }
            if hasWord || paragraphLines.isEmpty { paragraphLines.append(line) }
            lines += paragraphLines.enumerated().map { $0.offset == 0 ? $0.element : pad + $0.element }
        }
        return lines
    }

    /// The longest start of `text` that fits in `columns`.
    static func prefix(_ text: String, columns: Int) -> String {
        var out = ""
        var used = 0
        for character in text {
            let w = width(character)
            if used + w > columns { break }
            out.append(character)
            used += w
        }
        return out
    }

    /// One code point's columns; unprintable ones (controls, unassigned) take none if they are
    /// controls and one otherwise, as a terminal shows a replacement for them.
    private static func columns(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        let w = cx_wcwidth(wchar_t(bitPattern: v))
        return w >= 0 ? Int(w) : 1
    }

    /// Runs `body` with this thread's character type set to UTF-8.
    private static func withUTF8Locale<T>(_ body: () -> T) -> T {
        guard let locale = utf8Locale.value else { return body() }
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        return body()
    }

    /// `C.UTF-8`, built into glibc since 2.35; created once and never freed.
    private static let utf8Locale = LocaleHandle(newlocale(LC_CTYPE_MASK, "C.UTF-8", nil))
}

/// A `locale_t` shared by every thread: it is only read (`uselocale` does not change it).
private struct LocaleHandle: @unchecked Sendable {
    let value: locale_t?
    init(_ value: locale_t?) { self.value = value }
}
