import Foundation

/// Another program editing a mail file the way cPanel does (`Cpanel::SafeFile`): it takes
/// `FILE.lock` by `link()` from a temp file holding `PID\nprogram\n` (clearing it when that PID is
/// dead), then `flock`s the file, appends a line to a temp copy with the same mode and renames it
/// over the file. A separate process, so its locks really compete with helofix's.
public final class LockingWriter {
    private let process: Process
    private let output: Pipe
    private var seen = ""

    /// Starts the writer on `hostPath`, appending `line`. It prints `waiting` when it finds the
    /// lock held and `done` when its edit is in place.
    public init(hostPath: String, line: String) throws {
        let python = try Prerequisite.require("python3")
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", Self.script, hostPath, line]
        output = Pipe()
        process.standardOutput = output
        try process.run()
    }

    /// Waits until the writer printed `word` (or ended); true when it did within `timeout`.
    public func wait(for word: String, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        let fd = output.fileHandleForReading.fileDescriptor
        while Date() < deadline {
            if seen.split(separator: "\n").contains(Substring(word)) { return true }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, 50) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 256)
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { return seen.split(separator: "\n").contains(Substring(word)) }
            seen += String(decoding: buffer.prefix(n), as: UTF8.self)
        }
        return seen.split(separator: "\n").contains(Substring(word))
    }

    /// Waits for the writer to finish its edit; true when it printed `done` and exited 0.
    public func finish(timeout: TimeInterval = 30) -> Bool {
        let done = wait(for: "done", timeout: timeout)
        if !done { process.terminate() }
        process.waitUntilExit()
        return done && process.terminationStatus == 0
    }

    /// What it printed so far (for a failure message).
    public var transcript: String { seen }

    static let script = #"""
import os, sys, fcntl, time, errno
path, line = sys.argv[1], sys.argv[2]
d, base = os.path.split(path)
lock = path + ".lock"
tmp = os.path.join(d, ".%s.lock.%d" % (base, os.getpid()))
with open(tmp, "w") as f:
    f.write("%d\nlocking-writer\n" % os.getpid())
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
