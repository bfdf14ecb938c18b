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
    /// The server's files are read for the first time and its findings are still being worked
    /// out: the panes can fill now; the findings follow in ``serverRead(_:findings:)``.
    case serverFilesRead(ServerSnapshot)
    /// Re-reading the server failed (the message says what to do).
    case readFailed(String)
    /// News from the mail log.
    case log(LogEvent)
    /// The runtime's answer to a ``FixEffect``.
    case fix(FixEvent)
    /// DNS look-ups started, or their answers arrived (after the first frame, in the background).
    case dns(DNSLookupStatus)
}
