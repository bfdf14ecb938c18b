import MailServer
#if canImport(Glibc)
import Glibc
#endif

/// The transactions recorded under the state directory, newest last. Read-only: usable in a
/// read-only session.
public struct TransactionHistory: Sendable {
    /// The server root.
    public let root: ServerRoot

    /// Creates a history reader.
    public init(root: ServerRoot) { self.root = root }

    /// Every transaction, oldest first.
    public func list() -> [TransactionRecord] {
        let store = StateStore(root: root)
        let journals = store.journals()
        var undoneBy: [String: String] = [:]
        for j in journals where store.hasMarker(j.id, .commit) {
            if let target = j.rollbackOf { undoneBy[target] = j.id }
        }
        return journals.map { record(for: $0, store: store, rolledBackBy: undoneBy[$0.id]) }
    }

    /// Why the history may be incomplete: the state directory cannot be read (not root), or a
    /// journal is corrupt. Empty when every journal was read.
    public func problems() -> [String] { StateStore(root: root).journalsAndProblems().problems }

    /// One transaction by id.
    public func find(_ id: String) -> TransactionRecord? { list().first { $0.id == id } }

    /// The journal of one transaction (files, hashes, commands).
    public func journal(_ id: String) -> TransactionJournal? { StateStore(root: root).journals().first { $0.id == id } }

    /// Transactions with a journal but neither commit nor abort marker.
    public func interrupted() -> [TransactionRecord] { list().filter { $0.state == .interrupted } }

    func record(for journal: TransactionJournal) -> TransactionRecord {
        record(for: journal, store: StateStore(root: root), rolledBackBy: nil)
    }

    private func record(for j: TransactionJournal, store: StateStore, rolledBackBy: String?) -> TransactionRecord {
        let state: TransactionState
        var note: String?
        if store.hasMarker(j.id, .commit) {
            state = rolledBackBy == nil ? .committed : .rolledBack
        } else if store.hasMarker(j.id, .aborted) {
            state = .aborted
            note = store.markerNote(j.id, .aborted)
        } else if j.pid != getpid() && SystemProcessProbe().isAlive(j.pid) {
            state = .running
        } else {
            state = .interrupted
        }
        return TransactionRecord(id: j.id, time: j.time, who: j.identity.who, identity: j.identity, remedy: j.remedy,
                                 title: j.title, reason: j.reason, files: j.files.map(\.path),
                                 commands: j.commands.map(\.commandLine), state: state, rollbackOf: j.rollbackOf,
                                 rolledBackBy: rolledBackBy, note: note)
    }
}
