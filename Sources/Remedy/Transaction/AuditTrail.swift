import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The audit record of every change (docs/changes.md, rule 1): one JSON line per
/// event in the append-only `audit.log` under the state directory, and the same sentence in syslog
/// (authpriv), as vipw and Webmin do.
struct AuditTrail {
    let store: StateStore

    /// What happened to a transaction.
    enum Event: String, Codable { case started, applied, failed, recovered, rolledBack = "rolled-back" }

    struct Line: Codable {
        var time: Date
        var event: Event
        var id: String
        var remedy: String
        var reason: String
        var user: String
        var sudoUser: String?
        var loginUID: UInt32?
        var sshConnection: String?
        var files: [String]
        var note: String?
    }

    /// Records an event; a failing audit write is reported but never undoes a committed change.
    func record(_ event: Event, _ journal: TransactionJournal, time: Date, note: String? = nil, syslog toSyslog: Bool = true) -> String? {
        let line = Line(time: time, event: event, id: journal.id, remedy: journal.remedy, reason: journal.reason,
                        user: journal.identity.user, sudoUser: journal.identity.sudoUser, loginUID: journal.identity.loginUID,
                        sshConnection: journal.identity.sshConnection, files: journal.files.map(\.path), note: note)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let text = (try? encoder.encode(line)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        if toSyslog { Self.syslog("helofix \(event.rawValue) \(journal.id) (\(journal.remedy)) by \(journal.identity.who)"
                    + (journal.identity.sshConnection.map { " from \($0.split(separator: " ").first ?? "")" } ?? "")
                    + ": \(journal.files.map(\.path).joined(separator: ", "))" + (note.map { "; \($0)" } ?? "")) }
        do {
            try store.append(store.auditLog, text)
            return nil
        } catch {
            if event == .started { return error.message }
            return "the change is done but the audit line could not be written: \(error.message)"
        }
    }

    /// Records that a transaction starts; throws when the line cannot be written, so a change is
    /// never made without its audit trail (called before any server file is touched).
    func requireStart(_ journal: TransactionJournal, time: Date) throws(RemedyError) {
        if let problem = record(.started, journal, time: time, syslog: false) {
            throw RemedyError(.failed, "cannot write the audit log \(store.auditLog), so nothing was changed: \(problem)")
        }
    }

    static func syslog(_ message: String) {
        openlog("helofix", LOG_PID, LOG_AUTHPRIV)
        withVaList([message]) { vsyslog(LOG_NOTICE, "%s", $0) }
        closelog()
    }
}
