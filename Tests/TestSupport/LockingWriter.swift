import Foundation
import ProcessLaunch
import Synchronization

/// Another program editing a mail file the way cPanel does (`Cpanel::SafeFile`): it takes
/// `FILE.lock` by `link()` from a temp file holding `PID\nprogram\n` (clearing it when that PID is
/// dead), then `flock`s the file, appends a line to a temp copy with the same mode and renames it
/// over the file. A separate process, so its locks really compete with helofix's.
///
/// It says where it is, one word a line, so a test waits for a state instead of guessing a delay:
/// `ready` once it runs, `waiting` when it finds the lock held, `locked` when it holds both locks
/// and `done` when its edit is in place. Started through ``ChildProcess``, it inherits no
/// descriptor of ours (a pipe kept open by it would hide another child's end) and starts with
/// default signals, so it can always be stopped.
public final class LockingWriter: Sendable {
    private let child: ChildProcess
    private struct State {
        /// Everything read from the writer so far.
        var seen = ""
        /// Its output reached its end (it exited, or closed it).
        var ended = false
        /// It was waited for, so its pid is free again.
        var reaped = false
    }
    private let state = Mutex(State())

    /// Starts the writer on `hostPath`, appending `line`.
    public init(hostPath: String, line: String) throws {
        let python = try Prerequisite.require("python3")
        // Standard error joins standard output so a traceback shows in ``transcript``.
        child = try ChildProcess.start([python, "-c", Self.script, hostPath, line], stdin: .null, stdout: .pipe, stderr: .toStdout)
    }

    deinit {
        // A test that stopped early must not leave the writer running or unreaped.
        let reaped = state.withLock { $0.reaped }
        if !reaped {
            child.send(SIGKILL)
            child.wait()
        }
    }

    /// Waits until the writer printed one of `words` on a line of its own; returns that word, or
    /// `nil` when it ended or `timeout` seconds passed first. The words are checked in the order
    /// the writer prints them, so a word printed before this call counts.
    public func wait(for words: Set<String>, timeout: Double) -> String? {
        let deadline = ContinuousClock.now + .milliseconds(Int64(timeout * 1000))
        let fd = child.stdout ?? -1
        var buffer = [UInt8](repeating: 0, count: 256)
        while true {
            let (seen, ended) = state.withLock { ($0.seen, $0.ended) }
            if let word = seen.split(separator: "\n").map(String.init).first(where: words.contains) { return word }
            let left = deadline - ContinuousClock.now
            guard !ended, left > .zero else { return nil }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ms = Int32(clamping: left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1)
            guard poll(&p, 1, ms) > 0 else { continue }
            let n = read(fd, &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            state.withLock {
                if n > 0 { $0.seen += String(decoding: buffer.prefix(n), as: UTF8.self) } else { $0.ended = true }
            }
        }
    }

    /// Waits for the writer to finish its edit; true when it printed `done` and exited 0. A writer
    /// that did not finish within `timeout` seconds is killed (by its pid) and reaped.
    public func finish(timeout: Double = 30) -> Bool {
        let done = wait(for: ["done"], timeout: timeout) != nil
        if !done { child.send(SIGKILL) }
        // Reading to the end first: the writer may still be writing its last line.
        _ = wait(for: [], timeout: 5)
        let end = child.wait()
        state.withLock {
            $0.ended = true
            $0.reaped = true
        }
        return done && end.exitStatus == 0
    }

    /// What it printed so far (for a failure message).
    public var transcript: String { state.withLock { $0.seen } }

    private static let script = #"""
import os, sys, fcntl, time, errno
path, line = sys.argv[1], sys.argv[2]
d, base = os.path.split(path)
lock = path + ".lock"
tmp = os.path.join(d, ".%s.lock.%d" % (base, os.getpid()))
with open(tmp, "w") as f:
    f.write("%d\nlocking-writer\n" % os.getpid())
print("ready", flush=True)
said = False
deadline = time.time() + 60
while True:
    try:
        os.link(tmp, lock)
        break
    except OSError as e:
        if e.errno != errno.EEXIST:
            raise
        try:
            pid = int(open(lock).read().split("\n")[0])
            os.kill(pid, 0)
        except (ValueError, ProcessLookupError, FileNotFoundError):
            try: os.unlink(lock)
            except FileNotFoundError: pass
            continue
        except PermissionError:
            pass
        if not said:
            print("waiting", flush=True)
            said = True
        if time.time() > deadline:
            sys.exit(3)
        time.sleep(0.01)
os.unlink(tmp)
fd = os.open(path, os.O_RDONLY)
fcntl.flock(fd, fcntl.LOCK_EX)
print("locked", flush=True)
data = open(path, "rb").read()
st = os.stat(path)
if data and not data.endswith(b"\n"):
    data += b"\n"
data += line.encode() + b"\n"
new = os.path.join(d, ".%s.writer.%d" % (base, os.getpid()))
with open(new, "wb") as f:
    f.write(data)
    f.flush()
    os.fsync(f.fileno())
os.chown(new, st.st_uid, st.st_gid)
os.chmod(new, st.st_mode & 0o7777)
os.rename(new, path)
fcntl.flock(fd, fcntl.LOCK_UN)
os.close(fd)
os.unlink(lock)
print("done", flush=True)
"""#
}
