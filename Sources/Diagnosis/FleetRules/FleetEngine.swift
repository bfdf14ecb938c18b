import MailServer

/// Turns the servers of a fleet into cross-server findings, most severe first. It only reads:
/// every remedy names the `helofix plan` to run on one server.
public struct FleetEngine: Sendable {
    /// Creates the engine.
    public init() {}

    /// All cross-server findings.
    public func evaluate(_ servers: [FleetServer]) -> [FleetFinding] {
        let context = FleetContext(servers)
        var all = DomainOnTwoServersRule().findings(in: context)
            + SharedHostnameRule().findings(in: context)
            + GreetingHostedElsewhereRule().findings(in: context)
        // Refusals the rules above explain are not repeated as peer-refused.
        var explained: Set<String> = []
        for finding in all {
            for e in finding.evidence {
                guard case .log(let group) = e.evidence, let s = context.server(at: group.ip) else { continue }
                explained.insert(PeerRefusedRule.key(receiver: e.server, sender: servers[s].name, helo: group.helo))
            }
        }
        all += PeerRefusedRule(explained: explained).findings(in: context)
        return all.enumerated().sorted {
            $0.element.severity != $1.element.severity ? $0.element.severity < $1.element.severity : $0.offset < $1.offset
        }.map(\.element)
    }
}
