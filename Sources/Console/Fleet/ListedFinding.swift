import Diagnosis

/// An entry of the findings list: a server's own finding, or (in a fleet) a cross-server one.
/// Fleet findings come first, then every server's findings, in one index space shared by the
/// list, the detail screen, `n`/`N` and the row marks; on one server it is just the findings.
public enum ListedFinding: Sendable, Hashable {
    /// A single-server finding, with its server's name in a fleet.
    case server(Finding, server: String?)
    /// A cross-server finding.
    case fleet(FleetFinding)

    /// One line: what is wrong.
    public var title: String {
        switch self {
        case .server(let f, _): f.title
        case .fleet(let f): f.title
        }
    }

    /// How bad.
    public var severity: Severity {
        switch self {
        case .server(let f, _): f.severity
        case .fleet(let f): f.severity
        }
    }

    /// The rule id as in JSON.
    public var rule: String {
        switch self {
        case .server(let f, _): f.rule.rawValue
        case .fleet(let f): f.rule.rawValue
        }
    }

    /// The server column: the finding's server, or for a fleet finding the server to fix (else
    /// every server involved).
    public var serverText: String {
        switch self {
        case .server(_, let server): server ?? ""
        case .fleet(let f): f.fixOn ?? f.servers.joined(separator: ",")
        }
    }

    /// Stable across re-reads; a server's finding is told apart from the same finding on another server.
    public var id: String {
        switch self {
        case .server(let f, let server): f.id + (server.map { "@" + $0 } ?? "")
        case .fleet(let f): "fleet:" + f.id
        }
    }

    /// Whether it concerns the server named `name`.
    public func involves(_ name: String) -> Bool {
        switch self {
        case .server(_, let server): server == name
        case .fleet(let f): f.servers.contains(name)
        }
    }
}
