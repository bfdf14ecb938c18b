import Console
import CLibcExtras
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Column widths come from the C library's `wcwidth`, the table ncursesw places characters by, so
/// a row with an emoji or a CJK name is as wide on screen as the layout thought.
@Suite struct TextFitTests {
    /// `wcwidth` summed over a character's code points, measured here on its own under `C.UTF-8`.
    static func libcWidth(_ character: Character) -> Int {
        let locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil)
        let previous = uselocale(locale)
        defer { uselocale(previous); freelocale(locale) }
        return character.unicodeScalars.reduce(0) { $0 + max(0, Int(cx_wcwidth(wchar_t(bitPattern: $1.value)))) }
    }

    static let samples: [Character] = [
        "a", "é", "e\u{301}", "ß", "─", "…",                  // Latin, box drawing, ellipsis: 1
        "中", "한", "ア", "ｱ", "Ａ", "\u{3000}",                // CJK, Hangul, kana (half- and full-width)
        "😀", "🙂", "🧪", "🥇", "🪴", "👍🏽",                   // emoji, some outside the old table's ranges
        "\u{200B}", "\u{FEFF}",                               // zero-width space, byte-order mark
        "❤️", "🇩🇪", "👨‍👩‍👧",                                   // variation selector, flag, ZWJ family
    ]

    @Test(arguments: samples)
    func widthIsWhatWcwidthSays(_ character: Character) {
        #expect(TextFit.width(character) == Self.libcWidth(character), "U+\(String(character.unicodeScalars.first!.value, radix: 16))")
    }

    @Test func knownWidths() {
        #expect(TextFit.width("😀") == 2)
        #expect(TextFit.width("🥇") == 2, "U+1F947 is wide; the old hand-made table said 1")
        #expect(TextFit.width("中文.example") == 12)
        #expect(TextFit.width("e\u{301}") == 1, "a combining accent takes no column")
        #expect(TextFit.width("\u{1}") == 0)
    }

    @Test func fitPadAndWrapCountColumnsNotCharacters() {
        #expect(TextFit.fit("中文中文中文", 7, ellipsis: "…") == "中文中…")
        #expect(TextFit.pad("中文", to: 6) == "中文  ")
        #expect(TextFit.pad("abcdefgh", to: 5) == "abcd…")
        #expect(TextFit.wrap("中文 中文 中文", 10) == ["中文 中文", "中文"])
        #expect(TextFit.wrap("  fix: one two three four", 14, indent: 4) == ["  fix: one two", "    three four"])
        #expect(TextFit.wrap("first\n\nthird", 20) == ["first", "", "third"])
    }

    /// A word longer than a line is cut into full lines in one pass: a 2 MB name (a broken
    /// /etc/hostname) wraps into exactly the lines it needs, each within the width.
    @Test func aHugeWordIsCutIntoFullLines() {
        let word = String(repeating: "a", count: 2_000_000)
        let lines = TextFit.wrap("name: " + word + " end", 80, indent: 4)
        #expect(lines.first == "name:")
        #expect(lines.allSatisfy { TextFit.width($0) <= 80 })
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.count == 80 }, "continuation lines are full")
        #expect(lines.dropFirst().map { $0.trimmingPrefix("    ") }.joined().filter { $0 == "a" }.count == 2_000_000)
        #expect(TextFit.wrap("中文中文中文", 5) == ["中文", "中文", "中文"])
        #expect(TextFit.wrap("xx中", 6, indent: 0) == ["xx中"])
    }

    /// A long paragraph (a grouped finding's explanation, a report of a million lines) keeps every
    /// word in order, and breaks greedily: each line within the width, and the next line's first
    /// word would not have fit on it.
    @Test func longParagraphKeepsEveryWordAndBreaksGreedily() {
        let words = (0..<20_000).map { "w\($0)" + String(repeating: $0 % 7 == 0 ? "中" : "x", count: $0 % 13) }
        let lines = TextFit.wrap("  " + words.joined(separator: " "), 60, indent: 4)
        #expect(lines.allSatisfy { TextFit.width($0) <= 60 })
        #expect(lines.flatMap { $0.split(separator: " ") }.map(String.init) == words)
        #expect(lines[0].hasPrefix("  w0 ") && lines.dropFirst().allSatisfy { $0.hasPrefix("    w") })
        for (line, next) in zip(lines, lines.dropFirst()) {
            let word = next.split(separator: " ")[0]
            #expect(TextFit.width(line) + 1 + TextFit.width(word) > 60, "\(line) | \(word)")
        }
    }
}
