/// Reads files the way Exim's `lsearch` does (src/lookups/lsearch.c): `#` comments, a key that
/// ends at `:` or white space (or at the closing quote of a quoted key), data after an optional
/// colon, and lines that begin with white space continuing the previous entry rather than
/// starting a key.
public enum LsearchParser {
    /// How indented lines are reported.
    public enum Mode: Sendable {
        /// Key/value files (`mailhelo`, `userdomains`): an indented line continues the previous value.
        case keyValue
        /// Lists of keys (`localdomains`, host lists): an indented line is an entry Exim never sees.
        case list
    }

    /// Exim's lookup buffer: longer lines are refused here rather than read in pieces.
    public static let maxLineLength = 4096

    /// Parses the bytes of `file` (a server path, used in diagnostics).
    public static func parse(_ bytes: [UInt8], file: String, mode: Mode) -> LsearchFile {
        var result = LsearchFile(entries: [], diagnostics: [])
        var firstKeyLine: [String: Int] = [:]
        var sawCRLF = false
        let count = bytes.count
        var start = 0
        var lineNumber = 0
        bytes.withUnsafeBufferPointer { buf in
            while start < count {
                lineNumber += 1
                var end = start
                while end < count && buf[end] != 0x0A { end += 1 }
                let hasNewline = end < count
                var lineEnd = end
                if lineEnd > start && buf[lineEnd - 1] == 0x0D {
                    lineEnd -= 1
                    if !sawCRLF {
                        sawCRLF = true
                        result.diagnostics.append(Diagnostic(.crlfLineEnding, at: .init(file: file, line: lineNumber),
                            message: "\(file) has Windows (CR LF) line ends; convert it with dos2unix so every tool reads it alike"))
                    }
                }
                defer { start = end + 1 }
                if !hasNewline {
                    result.diagnostics.append(Diagnostic(.missingFinalNewline, at: .init(file: file, line: lineNumber),
                        text: escaped(buf, start, lineEnd),
                        message: "\(file) does not end with a newline; some tools drop the last line when they append"))
                }
                let length = lineEnd - start
                if length > maxLineLength {
                    result.diagnostics.append(Diagnostic(.hugeLine, at: .init(file: file, line: lineNumber),
                        text: escaped(buf, start, min(lineEnd, start + 80)),
                        message: "line \(lineNumber) of \(file) is \(length) bytes long; no mail list has lines like that, check what wrote it"))
                    continue
                }
                if (start..<lineEnd).contains(where: { let b = buf[$0]; return b < 0x20 && b != 0x09 || b == 0x7F }) {
                    result.diagnostics.append(Diagnostic(.binaryContent, at: .init(file: file, line: lineNumber),
                        text: escaped(buf, start, lineEnd),
                        message: "line \(lineNumber) of \(file) contains control bytes; Exim cannot match it, remove the line"))
                    continue
                }
                let slice = UnsafeBufferPointer(rebasing: buf[start..<lineEnd])
                let text: String
                if let valid = String(validating: slice, as: UTF8.self) {
                    text = valid
                } else {
                    text = String(decoding: slice, as: UTF8.self)
                    result.diagnostics.append(Diagnostic(.nonUTF8, at: .init(file: file, line: lineNumber), text: escaped(buf, start, lineEnd),
                        message: "line \(lineNumber) of \(file) is not valid UTF-8; domain names must be ASCII (use the xn-- form)"))
                }
                parseLine(text, number: lineNumber, file: file, mode: mode, into: &result, firstKeyLine: &firstKeyLine)
            }
        }
        return result
    }

    private static func parseLine(_ text: String, number: Int, file: String, mode: Mode,
                                  into result: inout LsearchFile, firstKeyLine: inout [String: Int]) {
        let utf8 = text.utf8
        guard let firstNonSpace = utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
        if utf8[firstNonSpace] == UInt8(ascii: "#") && firstNonSpace == utf8.startIndex { return }
        if firstNonSpace != utf8.startIndex {
            let content = String(text[firstNonSpace...]).trimmingTrailingSpace()
            if content.hasPrefix("#") { return }
            if mode == .keyValue, !result.entries.isEmpty, result.entries[result.entries.count - 1].visible {
                result.entries[result.entries.count - 1].value += (result.entries[result.entries.count - 1].value.isEmpty ? "" : " ") + content
                return
            }
            let token = String(content.prefix { $0 != " " && $0 != "\t" })
            result.entries.append(LsearchEntry(key: token, value: "", line: number, raw: text, quoted: false,
                                               visible: false, unquotedToken: token))
            result.diagnostics.append(Diagnostic(.invisibleEntry, at: .init(file: file, line: number), text: text,
                message: "line \(number) of \(file) starts with white space, so Exim reads it as a continuation and never matches \"\(token)\"; remove the leading space"))
            return
        }
        var key = ""
        var rest: Substring
        var quoted = false
        if text.hasPrefix("\"") {
            quoted = true
            var chars = text.dropFirst()
            var closed = false
            while let c = chars.first {
                chars = chars.dropFirst()
                if c == "\\", let next = chars.first {
                    key.append(next)
                    chars = chars.dropFirst()
                } else if c == "\"" {
                    closed = true
                    break
                } else {
                    key.append(c)
                }
            }
            guard closed else {
                result.diagnostics.append(Diagnostic(.unterminatedQuote, at: .init(file: file, line: number), text: text,
                    message: "line \(number) of \(file) opens a quote it never closes; add the closing \""))
                return
            }
            rest = chars
        } else {
            let keyEnd = text.firstIndex { $0 == ":" || $0 == " " || $0 == "\t" } ?? text.endIndex
            key = String(text[..<keyEnd])
            rest = text[keyEnd...]
        }
        rest = rest.drop { $0 == " " || $0 == "\t" }
        if rest.first == ":" { rest = rest.dropFirst() }
        let value = String(rest.drop { $0 == " " || $0 == "\t" }).trimmingTrailingSpace()
        let token = String(text.prefix { $0 != " " && $0 != "\t" })
        let folded = key.lowercased()
        if let first = firstKeyLine[folded] {
            result.diagnostics.append(Diagnostic(.duplicateKey, at: .init(file: file, line: number), text: text,
                message: "\"\(key)\" is listed again at line \(number) of \(file); Exim uses only line \(first), remove the duplicate"))
        } else {
            firstKeyLine[folded] = number
        }
        result.entries.append(LsearchEntry(key: key, value: value, line: number, raw: text, quoted: quoted,
                                           visible: true, unquotedToken: token))
    }

    /// Renders bytes for a diagnostic: printable ASCII as is, anything else as `\xNN`, at most 200 characters.
    static func escaped(_ buf: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String {
        var out = ""
        for i in from..<min(to, from + 200) {
            let b = buf[i]
            if b >= 0x20 && b < 0x7F { out.append(Character(Unicode.Scalar(b))) }
            else if b == 0x09 { out.append("\\t") }
            else { out.append("\\x" + String(b, radix: 16, uppercase: true).leftPadded(to: 2)) }
        }
        return out
    }
}

extension String {
    func trimmingTrailingSpace() -> String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return String(s)
    }

    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
