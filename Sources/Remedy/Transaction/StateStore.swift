import Foundation
import MailServer
#if canImport(Glibc)
import Glibc
#endif

/// helofix's own state under `ROOT/var/lib/helofix` (mode 0700, root only): journals and markers
/// in `transactions/`, backups by content hash in `backups/objects/` with `backups/manifest.json`,
/// and the append-only `audit.log`. Kept outside `/etc` so no service ever loads a backup.
public struct StateStore: Sendable {
    /// The server root.
    public let root: ServerRoot
    /// Server path of the state directory.
    public static let directory = "/var/lib/helofix"

    /// Creates a store (nothing is created until a transaction needs it).
    public init(root: ServerRoot) { self.root = root }

    // Server paths: every access goes through the confined reader and writer, so a state
    // directory reached through a link (`ROOT/var -> /elsewhere`) is refused, never used.
    var base: String { Self.directory }
    var transactions: String { base + "/transactions" }
    var objects: String { base + "/backups/objects" }
    var manifest: String { base + "/backups/manifest.json" }
    var auditLog: String { base + "/audit.log" }

    func journalPath(_ id: String) -> String { "\(transactions)/\(id).journal" }
    func markerPath(_ id: String, _ marker: Marker) -> String { "\(transactions)/\(id).\(marker.rawValue)" }
    func stepsPath(_ id: String) -> String { "\(transactions)/\(id).steps" }
    func objectPath(_ hash: String) -> String { "\(objects)/\(hash)" }

    /// Files that mark how a transaction ended.
    enum Marker: String { case commit, aborted }

    /// Creates the directories (0700) if needed.
    func prepare() throws(RemedyError) {
        let writer = SafeFileWriter(root: root, tag: "\(getpid())")
        for server in ["/var", "/var/lib", Self.directory, transactions, base + "/backups", objects] {
            let mode: UInt32 = server.hasPrefix(Self.directory) ? 0o700 : 0o755
            do throws(RemedyError) {
                try writer.makeDirectory(DirectoryChange(path: server, mode: mode, uid: geteuid(), gid: getegid()))
            } catch where error.kind == .unsafeTarget {
                throw RemedyError(.unsafeTarget, "\(error.message) (helofix keeps its journal and backups in \(Self.directory))")
            }
        }
        let dir = try ConfinedDirectory.open(root, Self.directory)
        fchmod(dir.fd, 0o700)
    }

    /// Stores `bytes` under their hash (idempotent) and fsyncs it.
    func storeObject(_ bytes: [UInt8]) throws(RemedyError) -> String {
        let hash = ContentHash.sha256(bytes)
        if let existing = SafeFileWriter.contents(root, objectPath(hash)), ContentHash.sha256(existing) == hash { return hash }
        try writeDurably(objectPath(hash), bytes, name: "backup \(hash.prefix(12))")
        return hash
    }

    /// The backup with this hash, verified.
    func object(_ hash: String) throws(RemedyError) -> [UInt8] {
        guard hash.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }),
              let bytes = SafeFileWriter.contents(root, objectPath(hash)), ContentHash.sha256(bytes) == hash else {
            throw RemedyError(.failed, "the backup \(String(hash.prefix(12)).terminalSafe) in \(Self.directory)/backups is missing or damaged; restore it from your system backup before rolling back")
        }
        return bytes
    }

    /// Writes a state file through a temp file, fsync and rename, then fsyncs the directory.
    func writeDurably(_ path: String, _ bytes: [UInt8], name: String) throws(RemedyError) {
        let writer = SafeFileWriter(root: root, tag: "\(getpid())")
        try writer.replace(path, bytes: bytes, metadata: FileMetadata(uid: geteuid(), gid: getegid(), mode: 0o600),
                           label: "\(Self.directory) (\(name))")
    }

    /// Removes a state file (pruning).
    func removeFile(_ path: String) {
        try? SafeFileWriter(root: root, tag: "\(getpid())").remove(path)
    }

    /// Appends a line and fsyncs (steps file, audit log): appends never rewrite what is there.
    func append(_ path: String, _ line: String) throws(RemedyError) {
        let (dirPath, name) = try ConfinedDirectory.split(path)
        let dir = try ConfinedDirectory.open(root, dirPath)
        let fd = openat(dir.fd, name, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw SystemCall.error("append to", path, errno) }
        defer { close(fd) }
        let bytes = Array((line + "\n").utf8)
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, bytes.count) }
        guard n == bytes.count, fsync(fd) == 0 else { throw SystemCall.error("append to", path, errno) }
    }

    /// Writes the journal durably.
    func writeJournal(_ journal: TransactionJournal) throws(RemedyError) {
        let data: Data
        do { data = try Self.encoder.encode(journal) } catch { throw RemedyError(.failed, "cannot encode the journal: \(error)") }
        try writeDurably(journalPath(journal.id), Array(data), name: "journal \(journal.id)")
    }

    /// Writes a marker durably.
    func mark(_ id: String, _ marker: Marker, note: String = "") throws(RemedyError) {
        try writeDurably(markerPath(id, marker), Array((note + "\n").utf8), name: "\(marker.rawValue) marker of \(id)")
    }

    func hasMarker(_ id: String, _ marker: Marker) -> Bool { (try? TargetCheck.lstatus(root, markerPath(id, marker))) != nil }

    func markerNote(_ id: String, _ marker: Marker) -> String? {
        SafeFileWriter.contents(root, markerPath(id, marker)).map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// Every journal, oldest first; unreadable ones are skipped, and so is a journal that names
    /// anything outside the server root (it is corrupt or crafted: see ``TransactionJournal/validate()``).
    func journals() -> [TransactionJournal] {
        journalsAndProblems().journals
    }

    /// Every valid journal, and one line per journal that was refused.
    func journalsAndProblems() -> (journals: [TransactionJournal], problems: [String]) {
        let directory: ConfinedDirectory?
        do {
            directory = try ConfinedDirectory.openIfPresent(root, transactions)
        } catch {
            // Not "no transactions": a user who cannot read the state directory must be told so.
            return ([], ["cannot read \(transactions): \(error.message)"])
        }
        guard directory != nil, let names = root.list(transactions) else { return ([], []) }
        var journals: [TransactionJournal] = []
        var problems: [String] = []
        for name in names.filter({ $0.hasSuffix(".journal") }).sorted() {
            guard let bytes = SafeFileWriter.contents(root, "\(transactions)/\(name)") else { continue }
            do {
                let journal = try Self.decoder.decode(TransactionJournal.self, from: Data(bytes))
                try journal.validate(fileName: name)
                journals.append(journal)
            } catch let error as RemedyError {
                problems.append(error.message)
            } catch {
                problems.append("\(transactions)/\(name.terminalSafe) cannot be read as a journal (\(error)); move it away")
            }
        }
        return (journals, problems)
    }

    /// Step lines (`command-started 0`) recorded for a transaction.
    func steps(_ id: String) -> [String] {
        SafeFileWriter.contents(root, stepsPath(id)).map { String(decoding: $0, as: UTF8.self).split(separator: "\n").map(String.init) } ?? []
    }

    static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        return e
    }

    static var decoder: JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }
}
