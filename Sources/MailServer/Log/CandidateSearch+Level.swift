import CLogScan

extension CandidateSearch {
    /// The instruction set the candidate search runs on. Each is the same rule on the same bytes;
    /// the widest the CPU has is the fastest, and tests run every one the CPU has.
    enum Level: Int32, CaseIterable, Sendable {
        /// Plain C, eight bytes at a time: every architecture.
        case portable = 0
        /// 16-byte SSE2: every x86-64.
        case sse2 = 1
        /// 32-byte AVX2.
        case avx2 = 2
        /// 64-byte AVX-512BW.
        case avx512bw = 3

        /// The widest level this CPU and its operating system support.
        static var best: Level { Level(rawValue: cls_best_level()) ?? .portable }

        /// Whether this CPU can run the level.
        var isSupported: Bool { cls_level_supported(rawValue) != 0 }
    }
}
