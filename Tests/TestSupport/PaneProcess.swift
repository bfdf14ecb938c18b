import Foundation

/// What console tests need besides the screen: the process under the tmux pane and polling.
public enum PaneProcess {
    /// The pid of the program in the pane (the command is started through `env`, which execs it).
    public static func panePID(_ tmux: TmuxSession) -> Int32? {
        Int32((try? tmux.tmux(["display-message", "-p", "-t", "t", "#{pane_pid}"]))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
    }

    /// The pid of the `helofix` started by the pane's shell (for commands run through `sh -c`).
    public static func helofixChild(of tmux: TmuxSession) -> Int32? {
        guard let shell = panePID(tmux),
              let run = try? ProcessRunner.run(["/usr/bin/pgrep", "-P", "\(shell)", "-x", "helofix"]) else { return nil }
        return Int32(run.stdout.split(separator: "\n").first ?? "")
    }

    /// Polls until the screen has not changed for a few polls: lets curses finish reading an Esc
    /// (it waits ESCDELAY for a following key) before the next key is sent.
    public static func settle(_ tmux: TmuxSession, timeout: TimeInterval = 5) {
        let deadline = Date().addingTimeInterval(timeout)
        var last = tmux.capture()
        var same = 0
        while same < 3 && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.03)
            let now = tmux.capture()
            same = now == last ? same + 1 : 0
            last = now
        }
    }

    /// The process state letter from `/proc/PID/stat` (`T` when stopped).
    public static func processState(_ pid: Int32) -> Character? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        return text[close...].dropFirst(2).first
    }

    /// Polls until `condition` holds or `timeout` passes.
    public static func wait(timeout: TimeInterval = 10, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            if Date() > deadline { return false }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return true
    }
}
