import Foundation
import ProcessLaunch
#if canImport(Glibc)
import Glibc
#endif

/// A real terminal for end-to-end tests: a detached tmux session on its own server socket (so tests
/// run in parallel), driven with send-keys and read with capture-pane. Waits poll; never fixed sleeps.
public final class TmuxSession: @unchecked Sendable {
    /// The tmux server socket name (`-L`).
    public let socket: String
    private static let target = "t"

    /// Starts `command` (a shell command line) in a `width`x`height` window.
    public init(width: Int, height: Int, command: String) throws {
        socket = "helofix-test-\(UUID().uuidString.prefix(8).lowercased())"
        try Prerequisite.require("tmux")
        // remain-on-exit keeps the pane after the program ends, so its last screen and status can be read.
        try tmux(captureOutput: false, ["new-session", "-d", "-s", Self.target, "-x", "\(width)", "-y", "\(height)", command,
                  ";", "set-option", "-w", "-t", Self.target, "remain-on-exit", "on"])
    }

    /// Directories removed when the session ends (the test's server root).
    public var removeOnClose: [String] = []

    deinit {
        _ = try? tmux(["kill-server"])
        for path in removeOnClose { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Runs `tmux -L socket -f /dev/null ARGS`; returns stdout.
    @discardableResult
    public func tmux(captureOutput: Bool = true, _ arguments: [String]) throws -> String {
        // The launcher gives the child a clean signal state: test threads block SIGCHLD and SIGTERM,
        // and a tmux server that inherited that would never notice its pane exit or kill-server.
        // Without capture the server started by the first command keeps no pipe of ours.
        let child = try ChildProcess.start(["tmux", "-L", socket, "-f", "/dev/null"] + arguments,
                                           stdout: captureOutput ? .pipe : .null, stderr: .null)
        var output: [UInt8] = []
        if let fd = child.stdout {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n > 0 { output += buffer[0..<n] } else if n == 0 || errno != EINTR { break }
            }
        }
        _ = child.wait()
        return String(decoding: output, as: UTF8.self)
    }

    /// The screen as text (`escapes`: with colour and attribute escapes, `capture-pane -e`).
    /// `joined`: wrapped lines joined back (`-J`).
    public func capture(escapes: Bool = false, joined: Bool = false) -> String {
        (try? tmux(["capture-pane", "-p", "-t", Self.target] + (escapes ? ["-e"] : []) + (joined ? ["-J"] : []))) ?? ""
    }

    /// Sends tmux key names (`Down`, `Enter`, `C-l`, `q`).
    public func send(_ keys: String...) {
        _ = try? tmux(["send-keys", "-t", Self.target] + keys)
    }

    /// Types text literally.
    public func type(_ text: String) {
        _ = try? tmux(["send-keys", "-t", Self.target, "-l", text])
    }

    /// Resizes the window (the program gets SIGWINCH).
    public func resize(width: Int, height: Int) {
        _ = try? tmux(["resize-window", "-t", Self.target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until `condition` holds or `timeout` passes; returns the last screen and whether it held.
    @discardableResult
    /// The default timeout is generous because a wait that holds returns at once: only a failing test
    /// waits it out, and a busy machine (a parallel build) must not fail a passing one.
    public func waitFor(timeout: TimeInterval = 15, escapes: Bool = false, _ condition: (String) -> Bool) -> (screen: String, ok: Bool) {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = capture(escapes: escapes)
        while !condition(screen) {
            if Date() > deadline { return (screen, false) }
            Thread.sleep(forTimeInterval: 0.05)
            screen = capture(escapes: escapes)
        }
        return (screen, true)
    }

    /// Waits for the screen to contain `text`.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 15) -> (screen: String, ok: Bool) {
        waitFor(timeout: timeout) { $0.contains(text) }
    }

    /// Waits for `condition`, then for the screen to stay the same for half a second, so a frame
    /// captured while the program was still drawing (or still filling in a pane) is not taken as
    /// the one to compare later screens with.
    @discardableResult
    public func waitForSettled(timeout: TimeInterval = 15, _ condition: (String) -> Bool) -> (screen: String, ok: Bool) {
        let deadline = Date().addingTimeInterval(timeout)
        var last = waitFor(timeout: timeout, condition)
        guard last.ok else { return last }
        var stableSince = Date()
        while Date().timeIntervalSince(stableSince) < 0.5 {
            if Date() > deadline { return (last.screen, false) }
            Thread.sleep(forTimeInterval: 0.1)
            let screen = capture()
            if screen != last.screen || !condition(screen) {
                last = (screen, condition(screen))
                stableSince = Date()
            }
        }
        return (last.screen, last.ok)
    }

    /// The program's exit status once it has ended, else `nil`.
    public var exitStatus: Int32? {
        let out = (try? tmux(["display-message", "-p", "-t", Self.target, "#{pane_dead} #{pane_dead_status}"])) ?? ""
        let parts = out.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard parts.first == "1", parts.count > 1 else { return nil }
        return Int32(parts[1])
    }

    /// Waits for the program to end; returns its status.
    public func waitForExit(timeout: TimeInterval = 5) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let status = exitStatus { return status }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }
}

/// Quotes a string for a POSIX shell command line.
public func shellQuoted(_ s: String) -> String {
    "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
