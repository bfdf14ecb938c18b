import Console
import Foundation
import MailServer

/// Follows the mail log for the console, reopening when the file is replaced or truncated (log
/// rotation). Resumed where the analysis pipeline's scan stopped; without a resume point it first
/// reads the existing log in chunks (reporting progress).
/// Lines are read with the log scanner's own ``RejectionLineParser``.
final class MailLogTail: RejectionSource, @unchecked Sendable {
    /// The log on this machine.
    let hostPath: String
    /// The log as the server names it (for evidence locations).
    let serverPath: String
    private let stopFlag = StopFlag()
    /// How often the followed log is checked for growth or rotation.
    static let pollInterval: TimeInterval = 0.25
    static let chunkSize = 1 << 20

    /// Where the log was already read up to (bytes and lines), or `nil` to read it from the start.
    let resumeAt: (offset: Int64, line: Int)?

    init(hostPath: String, serverPath: String, resumeAt: (offset: Int64, line: Int)? = nil) {
        self.hostPath = hostPath
        self.serverPath = serverPath
        self.resumeAt = resumeAt
    }

    func start(_ deliver: @escaping @Sendable (LogEvent) -> Void) {
        let thread = Thread { [self] in run(deliver) }
        thread.name = "helofix.log"
        thread.start()
    }

    func stop() { stopFlag.raise() }

    private var isStopped: Bool { stopFlag.isRaised }

    private func run(_ deliver: @Sendable (LogEvent) -> Void) {
        var reader = LogFileReader(hostPath: hostPath, serverPath: serverPath)
        if let resumeAt {
            // A log rotated since the scan is followed from its new start.
            if !reader.open(resumingAt: resumeAt.offset, line: resumeAt.line) { _ = reader.open() }
        } else if reader.open() {
            let total = reader.size
            var found = 0
            while let batch = reader.readChunk(Self.chunkSize) {
                found += batch.count
                if !batch.isEmpty { deliver(.rejections(batch, live: false)) }
                deliver(.progress(done: reader.offset, total: total))
                if isStopped { return }
            }
            deliver(.caughtUp(total: found))
        } else {
            deliver(.unavailable("no mail log at \(serverPath) (pass --log FILE to watch another)"))
        }
        follow(&reader, deliver)
    }

    private func follow(_ reader: inout LogFileReader, _ deliver: @Sendable (LogEvent) -> Void) {
        while !isStopped {
            Thread.sleep(forTimeInterval: Self.pollInterval)
            switch reader.check() {
            case .unchanged: continue
            case .missing: continue
            case .replaced:
                // Lines written just before the rotation are still in the old file: the open
                // handle reads them before the new file is opened.
                while let batch = reader.readChunk(Self.chunkSize) {
                    if !batch.isEmpty { deliver(.rejections(batch, live: true)) }
                }
                guard reader.open() else { continue }
                deliver(.rotated)
            case .grew: break
            }
            while let batch = reader.readChunk(Self.chunkSize) {
                if !batch.isEmpty { deliver(.rejections(batch, live: true)) }
            }
        }
    }
}
