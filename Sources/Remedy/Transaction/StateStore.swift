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

    var base: String { root.hostPath(Self.directory) }
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
        for (host, server) in [(root.hostPath("/var/lib"), "/var/lib"), (base, Self.directory),
                               (transactions, Self.directory + "/transactions"), (base + "/backups", Self.directory + "/backups"),
                               (objects, Self.directory + "/backups/objects")] {
            var st = stat()
            if lstat(host, &st) == 0 {
                guard st.st_mode & S_IFMT == S_IFDIR else {
                    throw RemedyError(.unsafeTarget, "\(server) is not a directory; helofix keeps its journal and backups there, move it away and try again")
                }
                continue
            }
            let mode: mode_t = server == "/var/lib" ? 0o755 : 0o700
            guard mkdir(host, mode) == 0 || errno == EEXIST else { throw SystemCall.error("create the state directory", server, errno) }
        }
        chmod(base, 0o700)
    }

    /// Stores `bytes` under their hash (idempotent) and fsyncs it.
    func storeObject(_ bytes: [UInt8]) throws(RemedyError) -> String {
        let hash = ContentHash.sha256(bytes)
        let path = objectPath(hash)
        if let existing = SafeFileWriter.readFile(path), ContentHash.sha256(existing) == hash { return hash }
        try writeDurably(path, bytes, name: "backup \(hash.prefix(12))")
        return hash
    }

    /// The backup with this hash, verified.
    func object(_ hash: String) throws(RemedyError) -> [UInt8] {
        guard let bytes = SafeFileWriter.readFile(objectPath(hash)), ContentHash.sha256(bytes) == hash else {
            throw RemedyError(.failed, "the backup \(hash.prefix(12)) in \(Self.directory)/backups is missing or damaged; restore it from your system backup before rolling back")
        }
        return bytes
    }

    /// Writes a state file through a temp file, fsync and rename, then fsyncs the directory.
    func writeDurably(_ path: String, _ bytes: [UInt8], name: String) throws(RemedyError) {
        let writer = SafeFileWriter(tag: "\(getpid())")
        try writer.replace(hostPath: path, serverPath: "\(Self.directory) (\(name))", bytes: bytes,
                           metadata: FileMetadata(uid: geteuid(), gid: getegid(), mode: 0o600))
    }

    /// Appends a line and fsyncs (steps file, audit log): appends never rewrite what is there.
    func append(_ path: String, _ line: String) throws(RemedyError) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw SystemCall.error("append to", Self.directory, errno) }
        defer { close(fd) }
        let bytes = Array((line + "\n").utf8)
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, bytes.count) }
        guard n == bytes.count, fsync(fd) == 0 else { throw SystemCall.error("append to", Self.directory, errno) }
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

    func hasMarker(_ id: String, _ marker: Marker) -> Bool { access(markerPath(id, marker), F_OK) == 0 }

    func markerNote(_ id: String, _ marker: Marker) -> String? {
        SafeFileWriter.readFile(markerPath(id, marker)).map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// Every journal, oldest first; unreadable ones are skipped.
    func journals() -> [TransactionJournal] {
        guard let names = root.list(Self.directory + "/transactions") else { return [] }
        return names.filter { $0.hasSuffix(".journal") }.sorted().compactMap { name in
            guard let bytes = SafeFileWriter.readFile("\(transactions)/\(name)") else { return nil }
            return try? Self.decoder.decode(TransactionJournal.self, from: Data(bytes))
        }
    }

    /// Step lines (`command-started 0`) recorded for a transaction.
    func steps(_ id: String) -> [String] {
        SafeFileWriter.readFile(stepsPath(id)).map { String(decoding: $0, as: UTF8.self).split(separator: "\n").map(String.init) } ?? []
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
