#if canImport(Glibc)
import Glibc
#endif
import ConsoleRuntime

/// The console at run time on the synthetic server: how long until the panes are filled, and how
/// long a key press takes to be drawn while the console is idle and while a re-read of the server
/// runs (a watched file touched, as a panel's rewrite would). A key's time runs from the moment
/// it is written to the pty to the moment its frame was handed to the terminal, so time spent
/// waiting behind other work on the screen's thread counts too. Targets: filled < 1 s, a key < 5 ms.
struct ConsoleResponse: BenchMeasurement {
    /// Keys pressed per measured phase.
    static let keys = 40
    /// The gap between two keys (a fast typist's rate, and short enough to land inside a re-read).
    static let gap: useconds_t = 15_000

    func measure(_ setup: BenchSetup) throws -> [ResultRow] {
        var filled: [Double] = []
        var idle: [Double] = []
        var reading: [Double] = []
        for _ in 0..<max(1, setup.runs) {
            let session = try ConsoleSession(root: setup.root, home: setup.scratch + "/console-home")
            defer { session.finish() }
            guard let seconds = session.waitUntilFilled(timeout: 300) else {
                throw BenchError(message: "the console did not fill its panes within 300 s")
            }
            filled.append(seconds)
            // Let the first read finish (log scan, findings) before timing keys on a quiet console.
            settle(session)
            idle += latencies(session, count: Self.keys).map(\.latency)
            for _ in 0..<3 {
                // A change to a watched file: the console re-reads the server after it settles.
                utimes(setup.root + "/etc/localdomains", nil)
                reading += latencies(session, count: Self.keys, whileReading: true).filter(\.reading).map(\.latency)
                settle(session)
            }
        }
        guard !reading.isEmpty else { throw BenchError(message: "no key landed during a re-read; is the server too small?") }
        return [
            ResultRow(name: "console: panes filled after start", values: Statistics(filled), unit: "s", note: "< 1 s"),
            ResultRow(name: "console: key drawn, idle", values: Statistics(idle), unit: "ms", note: "< 5 ms"),
            ResultRow(name: "console: key drawn, during a re-read (\(reading.count))", values: Statistics(reading), unit: "ms", note: "< 5 ms"),
        ]
    }

    /// Presses Down and Up in turn `count` times (more while `whileReading` and no re-read has
    /// started yet, up to 10 s), then pairs each key with its frame.
    private func latencies(_ session: ConsoleSession, count: Int, whileReading: Bool = false) -> [(latency: Double, reading: Bool)] {
        let before = session.keyFramesWhenDrawn().count
        var written: [UInt64] = []
        var sawReading = false
        while written.count < count || (whileReading && !sawReading && written.count < 700) {
            written.append(session.press(written.count % 2 == 0 ? "j" : "k"))
            usleep(Self.gap)
            if whileReading, !sawReading { sawReading = session.keyFrames.dropFirst(before).contains(where: \.reading) }
        }
        // Every key gets its frame, in order.
        let frames = session.keyFramesWhenDrawn().dropFirst(before)
        return zip(written, frames).filter { $1.drawn >= $0 }.map { (Double($1.drawn - $0) / 1e9, $1.reading) }
    }

    /// Waits until the analysis is idle (a key's frame reports it so).
    private func settle(_ session: ConsoleSession) {
        for _ in 0..<600 {
            usleep(100_000)
            session.press("j")
            if let last = session.keyFramesWhenDrawn().last, !last.reading { return }
        }
    }
}
