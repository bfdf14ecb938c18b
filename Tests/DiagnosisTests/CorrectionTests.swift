import Diagnosis
import Foundation
import MailServer
import ServerFixtures
import Testing

/// Corrections that the old tests could not see: alwaysrelay is IPv4 only, the sender-side advice
/// names the exact settings and says the rejection is not about DNS.
@Suite struct CorrectionTests {
    @Test func alwaysRelayIPv6NeverReachesExim() throws {
        let s = try ServerUnderTest(Fixtures.migratedCPanel.with("/etc/alwaysrelay", "203.0.113.5\n2001:db8::5\n"))
        let entries = s.snapshot.whitelist.filter { $0.list == "alwaysrelay" }
        #expect(entries.first { $0.entry == "203.0.113.5" }?.bypassesHeloCheck == true)
        #expect(entries.first { $0.entry.hasPrefix("2001:db8::5") }?.bypassesHeloCheck == false)
        #expect(s.snapshot.diagnostics.contains { $0.message.contains("tailwatchd copies only IPv4") })
    }

    @Test func senderAdviceNamesTheKnobsAndIsNotAboutDNS() throws {
        let s = try ServerUnderTest(Fixtures.migratedCPanel)
        let advice = s.findings.flatMap(\.remedies).compactMap { r -> String? in
            if case .advice(let text) = r.suggestion { return text }
            return nil
        }.joined(separator: "\n")
        for knob in ["PS_MAIL_DOMAIN", "MAIL_EHLO_DOMAIN", "smtp_helo_host", "$mail->Hostname", "nodemailer", "WordPress SMTP", "not cause it"] {
            #expect(advice.contains(knob), "\(knob)")
        }
    }
}
