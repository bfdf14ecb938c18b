import CLogScan
import Testing
import TestSupport

@testable import MailServer

/// The C candidate search at every instruction-set level against the byte rule it stands for, and
/// the whole search (`CandidateSearch.scan`) at every level against the lines of the buffer.
@Suite struct CandidateSearchTests {
    /// One level as a test argument; its name says when this CPU lacks it, and then the level is run
    /// anyway, to show that the kernel falls back to the best level it has.
    struct Variant: CustomTestStringConvertible, Sendable {
        let level: CandidateSearch.Level
        var testDescription: String {
            level.isSupported ? "\(level)" : "\(level) (this CPU lacks it: runs as \(CandidateSearch.Level.best))"
        }
    }

    static let variants = CandidateSearch.Level.allCases.map(Variant.init)

    /// The byte rule: the first `i` in `[from, end)` with 'i' and a 'g' twelve on, or '_' and a '_'
    /// three on (nothing at `limit` or beyond), and the newlines before it.
    static func reference(_ bytes: [UInt8], from: Int, end: Int, limit: Int) -> (position: Int, newlines: Int) {
        var newlines = 0
        for i in from..<end {
            let c = bytes[i]
            if c == UInt8(ascii: "\n") {
                newlines += 1
            } else if c == UInt8(ascii: "i") && i + 12 < limit && bytes[i + 12] == UInt8(ascii: "g")
                || c == UInt8(ascii: "_") && i + 3 < limit && bytes[i + 3] == UInt8(ascii: "_") {
                return (i, newlines)
            }
        }
        return (end, newlines)
    }

    static func kernel(_ bytes: [UInt8], from: Int, end: Int, limit: Int, _ level: CandidateSearch.Level) -> (position: Int, newlines: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            let found = cls_next_candidate(buffer.baseAddress, from, end, limit, level.rawValue)
            return (found.position, found.newlines)
        }
    }

    /// Every candidate from `from` on, one after the other as the scanner asks for them, against the rule.
    static func expectAgreement(_ bytes: [UInt8], from: Int = 0, end: Int? = nil, limit: Int? = nil, _ level: CandidateSearch.Level,
                                sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let limit = limit ?? bytes.count, end = end ?? limit
        var i = from
        while true {
            let want = reference(bytes, from: i, end: end, limit: limit)
            let got = kernel(bytes, from: i, end: end, limit: limit, level)
            guard got == want else {
                Issue.record("\(level) from \(i) to \(end) (limit \(limit), \(bytes.count) bytes): got \(got), want \(want)", sourceLocation: sourceLocation)
                return
            }
            if want.position >= end { return }
            i = want.position + 1
        }
    }

    @Test func levelsAreTheKernelsAndTheBestRunsHere() {
        #expect(CandidateSearch.Level.portable.rawValue == Int32(CLS_LEVEL_PORTABLE))
        #expect(CandidateSearch.Level.sse2.rawValue == Int32(CLS_LEVEL_SSE2))
        #expect(CandidateSearch.Level.avx2.rawValue == Int32(CLS_LEVEL_AVX2))
        #expect(CandidateSearch.Level.avx512bw.rawValue == Int32(CLS_LEVEL_AVX512BW))
        let best = CandidateSearch.Level.best
        // Levels nest: every one up to the best runs, none above it.
        for level in CandidateSearch.Level.allCases {
            #expect(level.isSupported == (level.rawValue <= best.rawValue), "\(level) with best \(best)")
        }
        #if arch(x86_64)
        #expect(best.rawValue >= CandidateSearch.Level.sse2.rawValue)
        #endif
    }

    @Test(arguments: variants) func randomBuffersOfEveryLength(_ variant: Variant) {
        var random = SeededGenerator(seed: 0x5CA7)
        // Few letters, so candidates, near misses and newlines are all frequent.
        let alphabet = Array("ig_\n a".utf8)
        for length in Array(0...200) + [1000, 4099, 70_001] {
            for _ in 0..<(length > 200 ? 3 : 6) {
                let bytes = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }
                Self.expectAgreement(bytes, variant.level)
                let limit = Int.random(in: 0...length, using: &random)
                let end = Int.random(in: 0...limit, using: &random)
                let from = Int.random(in: 0...end, using: &random)
                Self.expectAgreement(bytes, from: from, end: end, limit: limit, variant.level)
            }
        }
    }

    @Test(arguments: variants) func markersAtEveryOffsetAndAcrossBlockEdges(_ variant: Variant) {
        // Blocks are 16, 32 and 64 bytes and the loop needs two ahead: 300 bytes cross every edge.
        for marker in ["impersonating", "_my_ address", "i...........g", "_.._"] {
            let needle = Array(marker.utf8)
            for newlineEvery in [0, 1, 7, 64] {
                var filler = [UInt8](repeating: UInt8(ascii: "a"), count: 300)
                if newlineEvery > 0 {
                    for i in stride(from: newlineEvery - 1, to: filler.count, by: newlineEvery) { filler[i] = UInt8(ascii: "\n") }
                }
                for offset in 0...(filler.count - needle.count) {
                    var bytes = filler
                    bytes.replaceSubrange(offset..<offset + needle.count, with: needle)
                    Self.expectAgreement(bytes, variant.level)
                    Self.expectAgreement(bytes, from: offset, variant.level)
                    Self.expectAgreement(bytes, from: min(offset + 1, bytes.count), variant.level)
                    // The marker's last byte at the limit or past it: no candidate there.
                    Self.expectAgreement(bytes, limit: offset + needle.count - 1, variant.level)
                    Self.expectAgreement(bytes, end: offset, variant.level)
                    Self.expectAgreement(bytes, end: offset + 1, variant.level)
                }
            }
        }
    }

    @Test(arguments: variants) func newlinesEverywhereOrNowhere(_ variant: Variant) {
        for length in [0, 1, 63, 64, 65, 127, 128, 129, 191, 192, 1000, 65_537] {
            let newlines = [UInt8](repeating: UInt8(ascii: "\n"), count: length)
            #expect(Self.kernel(newlines, from: 0, end: length, limit: length, variant.level) == (length, length))
            let none = [UInt8](repeating: UInt8(ascii: "x"), count: length)
            #expect(Self.kernel(none, from: 0, end: length, limit: length, variant.level) == (length, 0))
            // Only candidates: each position is one.
            let underscores = [UInt8](repeating: UInt8(ascii: "_"), count: length)
            Self.expectAgreement(underscores, variant.level)
        }
    }

    /// What `scan` must report: each line holding a marker, with its first marker and the newlines before it.
    static func expectedHits(_ bytes: [UInt8]) -> [CandidateSearch.Hit] {
        var hits: [CandidateSearch.Hit] = []
        var lineStart = 0, newlines = 0
        let markers = [Array("impersonating".utf8), Array("_my_ address".utf8)]
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let first = (lineStart..<lineEnd).first { p in
                markers.contains { m in p + m.count <= bytes.count && Array(bytes[p..<p + m.count]) == m }
            }
            if let first { hits.append(.init(lineStart: lineStart, lineEnd: lineEnd, marker: first, newlinesBefore: newlines)) }
            if lineEnd == bytes.count { break }
            lineStart = lineEnd + 1
            newlines += 1
        }
        return hits
    }

    @Test(arguments: variants) func scanReportsEveryMarkedLineOnce(_ variant: Variant) {
        var random = SeededGenerator(seed: 0x11AE)
        let pieces = ["impersonating", "_my_ address", "imp", "_my", "ing", "\n", " Host ", "_", "i", "g", "\n\n", String(repeating: "x", count: 70)]
        for round in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 0...(round < 250 ? 40 : 400), using: &random) {
                text += pieces[Int.random(in: 0..<pieces.count, using: &random)]
            }
            let bytes = Array(text.utf8)
            var hits: [CandidateSearch.Hit] = []
            let newlines = bytes.withUnsafeBufferPointer { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                let search = CandidateSearch(base: base, limit: buffer.count, level: variant.level)
                return search.scan(from: 0, to: buffer.count) { hits.append($0) }
            }
            let want = Self.expectedHits(bytes)
            #expect(newlines == bytes.filter { $0 == UInt8(ascii: "\n") }.count, "round \(round)")
            #expect(hits.map { [$0.lineStart, $0.lineEnd, $0.marker, $0.newlinesBefore] }
                    == want.map { [$0.lineStart, $0.lineEnd, $0.marker, $0.newlinesBefore] }, "round \(round)")
        }
    }
}
