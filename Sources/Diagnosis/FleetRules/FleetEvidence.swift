import MailServer

/// Evidence from one server of the fleet.
public struct FleetEvidence: Sendable, Hashable {
    /// The server it was found on.
    public var server: String
    /// The file line or log group.
    public var evidence: Evidence
}
