/// The one reader for files that hold a single value on one line: `/etc/hostname`,
/// `/etc/mailname`, `/var/cpanel/mainip`. Programs write them with or without a final newline,
/// editors add CR LF or stray spaces; the value is the first line with one trailing newline, a
/// CR and surrounding white space taken off, and whatever else was there is said, never silently
/// dropped nor compared along with the value ("names the host vm\n").
public enum SingleValueFile {
    /// The value (`nil` when the file holds none) and what was odd about the file.
    public struct Reading: Sendable, Hashable {
        public var value: String?
        public var oddities: [Diagnostic]
    }

    /// Reads `bytes` of the file at server path `file`.
    public static func read(_ bytes: [UInt8], file: String) -> Reading {
        // Split on the newline byte: as Characters, CR LF is one grapheme and would not split.
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        // One final newline ends the line; it is not an empty second line.
        if lines.count > 1 && lines.last?.isEmpty == true { lines.removeLast() }
        var oddities: [Diagnostic] = []
        func odd(_ problem: Diagnostic.Problem, line: Int, _ message: String) {
            oddities.append(Diagnostic(problem, at: SourceLocation(file: file, line: line), text: String(lines[line - 1].prefix(200)), message: message))
        }
        guard let index = lines.firstIndex(where: { !$0.trimmingCharacters(in: " \t\r").isEmpty }) else {
            return Reading(value: nil, oddities: [])
        }
        let raw = lines[index]
        let value = String(raw.trimmingCharacters(in: " \t\r"))
        if raw.hasSuffix("\r") {
            odd(.crlfLineEnding, line: index + 1, "\(file) ends its line with CR LF (Windows); the CR is not part of the value, but rewrite the file with a plain newline")
        }
        if String(raw.trimmingCharacters(in: "\r")) != value {
            odd(.invalidEntry, line: index + 1, "\(file) has white space around \"\(value)\"; it is ignored here, but other programs may not ignore it")
        }
        if index > 0 {
            odd(.invalidEntry, line: 1, "\(file) starts with \(index) empty line\(index == 1 ? "" : "s"); the value is on line \(index + 1)")
        }
        let extra = lines[(index + 1)...].filter { !$0.trimmingCharacters(in: " \t\r").isEmpty }.count
        if extra > 0 {
            odd(.invalidEntry, line: index + 2, "\(file) holds \(extra) more line\(extra == 1 ? "" : "s") after \"\(value)\"; only the first is used: remove the others")
        }
        return Reading(value: value.isEmpty ? nil : value, oddities: oddities)
    }
}
