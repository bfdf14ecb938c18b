import MailServer
#if canImport(Glibc)
import Glibc
#endif

/// A remedy: a typed value that makes a ``Plan`` (and validates its input while doing so).
public protocol Remedy: Sendable {
    /// The plan for this server, or a one-line refusal.
    func plan(in context: PlanningContext) throws(RemedyError) -> Plan
}
