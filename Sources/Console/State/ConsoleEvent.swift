import Diagnosis
import DomainDNS
import MailServer

/// Everything that can happen to the console: keys, resizes, and finished background work.
public enum ConsoleEvent: Sendable {
    /// A key press.
    case key(Key)
    /// The terminal changed size.
    case resize(width: Int, height: Int)
    /// A (re-)read snapshot with its findings.
    case serverRead(ServerSnapshot, findings: [Finding])
    /// Prepared data to show as it is (a fleet: every server's rows and the cross-server findings).
    case dataReady(ConsoleData)
    /// Re-reading the server failed (the message says what to do).
    case readFailed(String)
    /// News from the mail log.
    case log(LogEvent)
    /// The runtime's answer to a ``FixEffect``.
    case fix(FixEvent)
    /// DNS look-ups started, or their answers arrived (after the first frame, in the background).
    case dns(DNSLookupStatus)
}
