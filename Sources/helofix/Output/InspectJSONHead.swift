import Dispatch
import DomainDNS
import MailServer
import Synchronization

/// The start of `inspect --format json` (the members up to `domains`, which need only the
/// snapshot), written to standard output on another thread as soon as the snapshot is read, while
/// the log scan and the rules still run. The rest of the document continues with the writer
/// ``finish()`` hands back, so the bytes are those of one writer from start to end.
final class InspectJSONHead: Sendable {
    private let dns: DNSReport
    private let fd: Int32
    private let done = DispatchGroup()
    private let writer = Mutex<(started: Bool, writer: JSONWriter?)>((false, nil))

    /// A head to write with `dns` (whose answers must be known before the snapshot is: `--no-dns`)
    /// to file descriptor `fd`.
    init(dns: DNSReport, fd: Int32 = 1) {
        self.dns = dns
        self.fd = fd
    }

    /// Starts writing the head of the document about `snapshot` (once; later calls do nothing).
    func start(_ snapshot: ServerSnapshot) {
        let first = writer.withLock { state in
            defer { state.started = true }
            return !state.started
        }
        guard first else { return }
        done.enter()
        DispatchQueue.global().async { [self] in
            var w = JSONWriter(fd: fd)
            w.beginObject()
            InspectJSON.writeHead(snapshot: snapshot, dns: dns, to: &w)
            w.flush()
            writer.withLock { $0.writer = w }
            done.leave()
        }
    }

    /// Waits for the head to be written and returns the writer to continue the document with;
    /// `nil` when it was never started.
    func finish() -> JSONWriter? {
        guard writer.withLock({ $0.started }) else { return nil }
        done.wait()
        return writer.withLock { $0.writer }
    }
}
