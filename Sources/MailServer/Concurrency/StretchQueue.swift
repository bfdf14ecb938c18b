import Synchronization

/// Contiguous stretches of a file handed to threads a window at a time, so that a thread that
/// finishes early (its core was not shared with the snapshot read) takes over the second half of
/// the largest stretch still being read, instead of waiting for the slowest equal share.
///
/// Each stretch is read start to end by one thread at a time into one tally, so the file is cut
/// only where a thread actually ran out of work: a few cuts, not one per small chunk (each cut
/// costs a tally that learns every sender again, and its merge).
final class StretchQueue: Sendable {
    struct Stretch {
        /// First byte, a line start.
        var from: Int
        /// Next byte not yet handed out.
        var cursor: Int
        /// End (exclusive); moves back when the stretch's second half is taken over.
        var end: Int
        var started = false
    }

    private let state: Mutex<[Stretch]>
    private let window: Int
    /// Bytes a stretch must still have unread for half of it to be taken over.
    private let minimumSplit: Int
    /// The first line start at or after a byte offset (the file's size if none).
    private let lineStart: @Sendable (Int) -> Int

    /// Stretches starting at `points` (line starts, ascending, the last one the file's size).
    init(points: [Int], window: Int, minimumSplit: Int, lineStart: @escaping @Sendable (Int) -> Int) {
        state = Mutex(zip(points, points.dropFirst()).map { Stretch(from: $0, cursor: $0, end: $1) })
        self.window = window
        self.minimumSplit = minimumSplit
        self.lineStart = lineStart
    }

    /// A stretch no thread has started yet, else the second half of the largest one left; nil
    /// when every byte is handed out.
    func take() -> Int? {
        state.withLock { stretches in
            if let i = stretches.firstIndex(where: { !$0.started }) {
                stretches[i].started = true
                return i
            }
            guard let i = stretches.indices.max(by: { stretches[$0].end - stretches[$0].cursor < stretches[$1].end - stretches[$1].cursor }),
                  stretches[i].end - stretches[i].cursor >= minimumSplit else { return nil }
            let cut = lineStart(stretches[i].cursor + (stretches[i].end - stretches[i].cursor) / 2)
            guard cut < stretches[i].end else { return nil }
            stretches.append(Stretch(from: cut, cursor: cut, end: stretches[i].end, started: true))
            stretches[i].end = cut
            return stretches.count - 1
        }
    }

    /// The next window of stretch `i`, nil when it is done.
    func nextWindow(of i: Int) -> Range<Int>? {
        state.withLock { stretches in
            let s = stretches[i]
            guard s.cursor < s.end else { return nil }
            let to = min(s.cursor + window, s.end)
            stretches[i].cursor = to
            return s.cursor..<to
        }
    }

    /// The stretches' bounds, in file order (call after every thread is done).
    var bounds: [(index: Int, range: Range<Int>)] {
        state.withLock { stretches in
            stretches.indices.map { (index: $0, range: stretches[$0].from..<stretches[$0].end) }.sorted { $0.range.lowerBound < $1.range.lowerBound }
        }
    }
}
