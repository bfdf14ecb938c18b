#if canImport(Glibc)
import Glibc
#endif
import Console
import ConsoleRuntime
import Foundation
import MailServer
import Synchronization

/// The real console (``ConsoleLauncher``, the same code `helofix console` runs) on a pseudo-terminal
/// of its own, driven from this process: keys are written to the pty, and the frames the console
/// reports give the times. Nothing here exists in the helofix binary.
final class ConsoleSession: Sendable {
    private let master: Int32
    private let slave: Int32
    /// When the console was started (monotonic nanoseconds, as ``ConsoleFrame``).
    let started: UInt64
    private let frames = Mutex<[ConsoleFrame]>([])
    private let ended = DispatchSemaphore(value: 0)
    /// Keys written so far.
    private let presses = Mutex(0)

    /// Opens a 120x40 pty and starts the console on `root` in a thread.
    init(root: String, home: String, mode: ConsoleMode = .readOnly) throws(BenchError) {
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        // posix_openpt, grantpt and unlockpt are hidden from Swift's Glibc module: their ioctls
        // (the same numbers on x86_64 and arm64) unlock the pty and give its number.
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
            throw BenchError(message: "cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw BenchError(message: "cannot open /dev/pts/\(number)") }
        var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
        // The terminal's output is read and dropped, as a fast terminal would take it.
        let master = self.master
        let drain = Thread {
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while buffer.withUnsafeMutableBytes({ read(master, $0.baseAddress, $0.count) }) > 0 {}
        }
        drain.start()
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        var configured = ConsoleLauncher(root: ServerRoot(root), mode: mode, logPath: nil, theme: nil,
                                       environment: ["TERM": "xterm-256color", "HOME": home], greeting: nil)
        configured.terminal = (slave, slave)
        started = ConsoleFrame.now()
        configured.frames = { [self] frame in frames.withLock { $0.append(frame) } }
        let ended = self.ended
        let launcher = configured
        let console = Thread {
            _ = try? launcher.run()
            ended.signal()
        }
        console.start()
    }

    /// Every frame so far.
    var drawn: [ConsoleFrame] { frames.withLock { $0 } }

    /// Seconds from the start to the first frame with the server's panes filled; `nil` after `timeout`.
    func waitUntilFilled(timeout: Double) -> Double? {
        let deadline = ConsoleFrame.now() + UInt64(timeout * 1e9)
        while ConsoleFrame.now() < deadline {
            if let frame = drawn.first(where: \.loaded) { return Double(frame.drawn - started) / 1e9 }
            usleep(2_000)
        }
        return nil
    }

    /// Writes one key (its bytes as a terminal sends them) and returns when it was written.
    @discardableResult
    func press(_ bytes: String) -> UInt64 {
        presses.withLock { $0 += 1 }
        let now = ConsoleFrame.now()
        var data = Array(bytes.utf8)
        _ = data.withUnsafeMutableBytes { write(master, $0.baseAddress, $0.count) }
        return now
    }

    /// The frames drawn for keys, in order (one per key pressed).
    var keyFrames: [ConsoleFrame] { drawn.filter { $0.cause == .key } }

    /// Waits (up to 10 s) until every key pressed so far has been drawn; the frames for keys, in order.
    func keyFramesWhenDrawn() -> [ConsoleFrame] {
        let wanted = presses.withLock { $0 }
        for _ in 0..<2_000 {
            let frames = keyFrames
            if frames.count >= wanted { return frames }
            usleep(5_000)
        }
        return keyFrames
    }

    /// Quits with `q` and waits for the console to restore the terminal.
    func finish() {
        press("q")
        _ = ended.wait(timeout: .now() + 60)
        close(slave)
        close(master)
    }
}
