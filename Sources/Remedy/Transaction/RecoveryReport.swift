import Foundation
import MailServer

/// What recovery did to one interrupted transaction.
public struct RecoveryReport: Sendable, Hashable {
    /// The transaction undone.
    public var id: String
    /// The remedy it applied (`remove-domain-traces shop.example.com`).
    public var remedy: String
    /// The files put back.
    public var files: [String]
    /// Commands run to undo, or advice when they could not run.
    public var notes: [String]

    /// One sentence for the admin.
    public var message: String {
        "rolled back interrupted transaction \(id) (\(remedy)): \(files.joined(separator: ", ")) restored as before"
            + (notes.isEmpty ? "" : "; " + notes.joined(separator: "; "))
    }
}
