import Dispatch

/// A file, or part of one, that has been read.
struct ScannedPart {
    var tally = ScanTally()
    var bytes = 0
    var lines = 0
}

extension ScannedPart {
    /// Parses a line found by ``CandidateSearch`` and counts it: on its bytes when it is plain
    /// ASCII (nearly every line), else with the `String` parser.
    mutating func record(_ base: UnsafePointer<UInt8>, _ hit: CandidateSearch.Hit, lineNumber: Int, file: String) {
        var end = hit.lineEnd
        if end > hit.lineStart, base[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        // Exim's own lines stay far below 8 KiB; a longer one is cut, not refused.
        let count = max(0, min(end - hit.lineStart, 8192))
        let line = LineBytes(base: base + hit.lineStart, count: count)
        // The search found the line by its first marker (or the line began before the range and
        // had none there), so no marker starts before it.
        switch RejectionLineBytes.parse(line, noMarkerBefore: hit.marker - hit.lineStart) {
        case .none:
            return
        case .found(let parsed):
            tally.add(parsed, line: line, file: file, lineNumber: lineNumber)
        case .useStringParser:
            let text = String(decoding: UnsafeBufferPointer(start: line.base, count: count), as: UTF8.self)
            if let r = RejectionLineParser.parse(Substring(text), location: SourceLocation(file: file, line: lineNumber)) {
                tally.add(r)
            }
        }
    }
}
