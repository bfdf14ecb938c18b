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
        let count = bytes.count
        let lines = bytes.withUnsafeBufferPointer { buf in buf.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } } + 1
        result.entries.reserveCapacity(lines)
        // Folded keys (bytes) and the line each was first seen on, for duplicate keys.
        var firstKeyLine = KeyLines(capacity: lines)
        var sawCRLF = false
        // An all-ASCII file (the usual case) needs no UTF-8 check per line.
        let ascii = !bytes.contains { $0 >= 0x80 }
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
                if !ascii, String(validating: slice, as: UTF8.self) == nil {
                    result.diagnostics.append(Diagnostic(.nonUTF8, at: .init(file: file, line: lineNumber), text: escaped(buf, start, lineEnd),
                        message: "line \(lineNumber) of \(file) is not valid UTF-8; domain names must be ASCII (use the xn-- form)"))
                }
                parseLine(slice, bytes: bytes, offset: start, number: lineNumber, file: file, mode: mode, into: &result, firstKeyLine: &firstKeyLine)
            }
        }
        return result
    }

    private static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// One line, on bytes: splitting UTF-8 at ASCII delimiters is safe, and it keeps 100,000-line
    /// files fast (no per-character String work).
    private static func parseLine(_ line: UnsafeBufferPointer<UInt8>, bytes: [UInt8], offset: Int, number: Int, file: String, mode: Mode,
                                  into result: inout LsearchFile, firstKeyLine: inout KeyLines) {
        let n = line.count
        guard let firstNonSpace = line.firstIndex(where: { !isBlank($0) }) else { return }
        var contentEnd = n
        while contentEnd > firstNonSpace && isBlank(line[contentEnd - 1]) { contentEnd -= 1 }
        if line[firstNonSpace] == UInt8(ascii: "#") { return }
        if firstNonSpace != 0 {
            let content = text(line, firstNonSpace..<contentEnd)
            if mode == .keyValue, let last = result.entries.indices.last, result.entries[last].visible {
                result.entries[last].value += (result.entries[last].value.isEmpty ? "" : " ") + content
                return
            }
            let raw = text(line, 0..<n)
            let tokenEnd = (firstNonSpace..<contentEnd).first { isBlank(line[$0]) } ?? contentEnd
            let token = text(line, firstNonSpace..<tokenEnd)
            result.entries.append(LsearchEntry(key: token, value: "", line: number, quoted: false, visible: false,
                                               file: bytes, range: offset..<(offset + n)))
            result.diagnostics.append(Diagnostic(.invisibleEntry, at: .init(file: file, line: number), text: raw,
                message: "line \(number) of \(file) starts with white space, so Exim reads it as a continuation and never matches \"\(token)\"; remove the leading space"))
            return
        }
        let key: String
        var restStart: Int
        let quoted = line[0] == UInt8(ascii: "\"")
        if quoted {
            var keyBytes: [UInt8] = []
            var i = 1
            var closed = false
            while i < n {
                let b = line[i]
                if b == UInt8(ascii: "\\"), i + 1 < n {
                    keyBytes.append(line[i + 1])
                    i += 2
                } else if b == UInt8(ascii: "\"") {
                    closed = true
                    i += 1
                    break
                } else {
                    keyBytes.append(b)
                    i += 1
                }
            }
            guard closed else {
                result.diagnostics.append(Diagnostic(.unterminatedQuote, at: .init(file: file, line: number), text: text(line, 0..<n),
                    message: "line \(number) of \(file) opens a quote it never closes; add the closing \""))
                return
            }
            key = String(decoding: keyBytes, as: UTF8.self)
            restStart = i
        } else {
            let keyEnd = line.firstIndex { $0 == UInt8(ascii: ":") || isBlank($0) } ?? n
            key = text(line, 0..<keyEnd)
            restStart = keyEnd
        }
        while restStart < contentEnd && isBlank(line[restStart]) { restStart += 1 }
        if restStart < contentEnd && line[restStart] == UInt8(ascii: ":") { restStart += 1 }
        while restStart < contentEnd && isBlank(line[restStart]) { restStart += 1 }
        let value = restStart < contentEnd ? text(line, restStart..<contentEnd) : ""
        if let first = firstKeyLine.firstLine(of: key, number) {
            result.diagnostics.append(duplicateKey(key, line: number, first: first, file: file, text: text(line, 0..<n)))
        }
        result.entries.append(LsearchEntry(key: key, value: value, line: number, quoted: quoted, visible: true,
                                           file: bytes, range: offset..<(offset + n)))
    }

    /// The diagnostic for `key` listed again at `line` of `file` (`text` is that line).
    static func duplicateKey(_ key: String, line: Int, first: Int, file: String, text: String) -> Diagnostic {
        Diagnostic(.duplicateKey, at: .init(file: file, line: line), text: text,
            message: "\"\(key)\" is listed again at line \(line) of \(file); Exim uses only line \(first), remove the duplicate")
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
