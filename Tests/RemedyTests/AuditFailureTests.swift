import Foundation
import MailServer
import ProcessLaunch
import Remedy
import ServerFixtures
import Testing

/// The audit trail is part of the change: when its line cannot be written, nothing is changed.
@Suite struct AuditFailureTests {
    @Test func unwritableAuditLogFailsTheApplyBeforeAnyFileIsTouched() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        // A directory where the append-only log should be: every append fails.
        try FileManager.default.createDirectory(atPath: s.root + "/var/lib/helofix/audit.log", withIntermediateDirectories: true)
        let before = s.tree()
        let error = try #require(RemedyError.from { try s.executor().apply(s.plan(.removeDomain("shop.example.com")), reason: "x") })
        #expect(error.message.contains("cannot write the audit log"), "\(error.message)")
        #expect(s.tree() == before, "a server file was changed without its audit line")
        #expect(TransactionHistory(root: s.serverRoot).list().isEmpty, "no journal either")
    }
}
