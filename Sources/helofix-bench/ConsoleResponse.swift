#if canImport(Glibc)
import Glibc
#endif
import ConsoleRuntime
import Foundation

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

    /// The console's own files (its home, the history it reads back) beside the server's.
    static func workDir(_ setup: BenchSetup) -> String { setup.root + "/.bench-console" }

    func measure(_ setup: BenchSetup) throws -> [ResultRow] {
        var filled: [Double] = []
        var idle: [Double] = []
        var reading: [Double] = []
        for _ in 0..<max(1, setup.runs) {
            let session = try ConsoleSession(root: setup.root, home: Self.workDir(setup) + "/home")
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
        var applying: [Double] = []
        for _ in 0..<max(1, setup.runs) { applying += try keysDuringAnApply(setup) }
        let applyRow = applying.isEmpty
            ? [ResultRow(name: "console: key drawn, during an apply", values: Statistics([0]), unit: "ms", note: "not measured: the fix screens were not reached")]
            : [ResultRow(name: "console: key drawn, during an apply (\(applying.count))", values: Statistics(applying), unit: "ms", note: "< 5 ms")]
        return [
            ResultRow(name: "console: panes filled after start", values: Statistics(filled), unit: "s", note: "< 1 s"),
            ResultRow(name: "console: key drawn, idle", values: Statistics(idle), unit: "ms", note: "< 5 ms"),
            ResultRow(name: "console: key drawn, during a re-read (\(reading.count))", values: Statistics(reading), unit: "ms", note: "< 5 ms"),
        ] + applyRow
    }

    /// Removes the orphan `old0.example` through the fix screens in edit mode (filter, fix, take
    /// the option, preview, confirm by typing the name) and presses keys while the transaction
    /// and the re-read after it run; then `helofix rollback` puts the server back as generated.
    /// The steps are typed blind with generous pauses (planning reads the server); keys drawn
    /// with no apply running are not counted.
    private func keysDuringAnApply(_ setup: BenchSetup) throws -> [Double] {
        let domain = SyntheticServer.orphan(0)
        let session = try ConsoleSession(root: setup.root, home: Self.workDir(setup) + "/home", mode: .edit)
        guard session.waitUntilFilled(timeout: 300) != nil else {
            session.finish()
            throw BenchError(message: "the console did not fill its panes within 300 s")
        }
        settle(session)
        for (keys, pause) in [("/", 0.3), (domain, 0.3), ("\r", 1.0), ("e", 2.0), ("\r", 5.0), ("\r", 2.0), ("\r", 1.0), (domain, 0.5)] {
            session.press(keys)
            usleep(useconds_t(pause * 1e6))
        }
        let before = session.keyFramesWhenDrawn().count
        session.press("\r")
        var written: [UInt64] = []
        // Keys until the transaction and the re-read after it are done (at most 30 s).
        for _ in 0..<6_000 {
            usleep(5_000)
            written.append(session.press(written.count % 2 == 0 ? "j" : "k"))
            let frames = session.keyFrames.dropFirst(before + 1)
            if frames.contains(where: \.applying), let last = frames.last, !last.applying, !last.reading { break }
        }
        let frames = session.keyFramesWhenDrawn().dropFirst(before + 1)
        session.press("\r")
        session.finish()
        try rollBack(setup, domain: domain)
        return zip(written, frames).filter { $1.applying && $1.drawn >= $0 }.map { Double($1.drawn - $0) / 1e9 }
    }

    /// Rolls back the newest committed transaction that removed `domain` (none: nothing to do).
    private func rollBack(_ setup: BenchSetup, domain: String) throws {
        let list = Self.workDir(setup) + "/history.json"
        _ = try TimedProcess.run([setup.helofix, "history", "--root", setup.root, "--format", "json"], output: list)
        guard let data = FileManager.default.contents(atPath: list),
              let records = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]],
              let id = records.last(where: { ($0["remedy"] as? String)?.hasSuffix(domain) == true && $0["state"] as? String == "committed" })?["id"] as? String
        else { return }
        let undo = try TimedProcess.run([setup.helofix, "rollback", id, "--root", setup.root, "--yes", "--reason", "helofix-bench"],
                                        output: Self.workDir(setup) + "/rollback.txt")
        guard undo.status == 0 else { throw BenchError(message: "helofix rollback \(id) failed; see \(Self.workDir(setup))/rollback.txt") }
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
