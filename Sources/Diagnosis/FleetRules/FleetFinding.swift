import MailServer

/// The cross-server rule ids (stable: scripts depend on them).
public enum FleetRuleID: String, Codable, Sendable, CaseIterable {
    /// A domain local on two or more servers.
    case domainOnTwoServers = "domain-on-two-servers"
    /// Two servers share a hostname, or one's hostname is a domain on another.
    case sharedHostname = "shared-hostname"
    /// A server greets as a domain hosted on another server.
    case greetingHostedElsewhere = "greeting-hosted-elsewhere"
    /// Our own servers refusing each other's greeting, for a reason the other rules do not name.
    case peerRefused = "peer-refused"
}

/// Evidence from one server of the fleet.
public struct FleetEvidence: Sendable, Hashable {
    /// The server it was found on.
    public var server: String
    /// The file line or log group.
    public var evidence: Evidence

    /// Creates evidence found on `server`.
    public init(server: String, evidence: Evidence) {
        self.server = server
        self.evidence = evidence
    }
}

/// A fix on one server: the exact `helofix plan` arguments to run there (the fleet view writes nothing).
public struct FleetRemedy: Sendable, Hashable {
    /// The server to run it on.
    public var server: String
    /// What to do, in a line.
    public var title: String
    /// Trade-offs and risks.
    public var tradeOff: String
    /// The words after `helofix plan` (`remove-domain`, `shop.example.com`).
    public var arguments: [String]

    /// `helofix plan remove-domain shop.example.com`, quoted for a shell.
    public var planCommand: String {
        (["helofix", "plan"] + arguments.map(Self.quoted)).joined(separator: " ")
    }

    /// The same run through Ansible on that server (`-i INVENTORY` when one is given).
    public func ansibleCommand(inventory: String? = nil) -> String {
        let inv = inventory.map { " -i \(Self.quoted($0))" } ?? ""
        return "ansible \(Self.quoted(server))\(inv) -m ansible.builtin.command -a '\(planCommand)'"
    }

    /// Words with only name characters stay bare; others get double quotes (they sit inside the
    /// single quotes of `ansible -a`).
    static func quoted(_ word: String) -> String {
        word.allSatisfy { $0.isLetter || $0.isNumber || "-._:/@".contains($0) } ? word : "\"\(word)\""
    }
}

/// A conflict between servers of a fleet: which servers are involved and where the fix belongs.
public struct FleetFinding: Sendable, Hashable, Identifiable {
    /// Stable rule id.
    public var rule: FleetRuleID
    /// How bad.
    public var severity: Severity
    /// One line: what is wrong.
    public var title: String
    /// What it is about.
    public var subjects: [Subject]
    /// Every server involved, by inventory name.
    public var servers: [String]
    /// The server where the fix belongs; `nil` when the evidence cannot tell (the remedies then name each side).
    public var fixOn: String?
    /// Files and log lines that show it, per server.
    public var evidence: [FleetEvidence]
    /// What happens to whose mail and why.
    public var explanation: String
    /// What to do, recommended first.
    public var remedies: [FleetRemedy]

    /// Rule, subjects and the server to fix: stable across runs.
    public var id: String { rule.rawValue + ":" + subjects.map(\.text).joined(separator: ",") + "@" + (fixOn ?? "?") }
}
