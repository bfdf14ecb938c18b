/// Finds where each domain's mail goes: its MX hosts and their addresses (following CNAMEs), or
/// its own A/AAAA when it has no MX, compared with this server's addresses.
public struct MailRouteLookup: Sendable {
    /// The resolver.
    public let pool: ResolverPool
    /// What counts as this server.
    public let server: ServerAddresses

    /// Creates a lookup.
    public init(pool: ResolverPool, server: ServerAddresses) {
        self.pool = pool
        self.server = server
    }

    /// The route of every domain, asking in two rounds (MX, then the addresses) so every round
    /// respects the bound on questions in flight.
    public func routes(for domains: [String], stop: (@Sendable () -> Bool)? = nil) -> [String: DomainMailRoute] {
        let names = domains.map { DNSQuestion($0, .mx).name }
        let mxAnswers = pool.resolve(names.map { DNSQuestion($0, .mx) }, stop: stop)
        var addressNames: [String] = []
        for name in names {
            guard let answer = mxAnswers[DNSQuestion(name, .mx)] else { continue }
            switch answer {
            case .records:
                let targets = answer.records(of: .mx).map(\.data).filter { !Self.isNullMX($0) }
                addressNames += targets.isEmpty && answer.records(of: .mx).isEmpty ? [name] : targets
            default: break
            }
        }
        let questions = addressNames.flatMap { [DNSQuestion($0, .a), DNSQuestion($0, .aaaa)] }
        let addressAnswers = pool.resolve(questions, stop: stop)
        var out: [String: DomainMailRoute] = [:]
        for name in names {
            out[name] = route(name, mx: mxAnswers[DNSQuestion(name, .mx)] ?? .failed(.resolverSilent), addressAnswers)
        }
        return out
    }

    static func isNullMX(_ target: String) -> Bool { target.isEmpty || target == "." }

    private func route(_ domain: String, mx: DNSAnswer, _ answers: [DNSQuestion: DNSAnswer]) -> DomainMailRoute {
        switch mx {
        case .nxdomain:
            return DomainMailRoute(domain: domain, mx: [], addresses: [], verdict: .nxdomain, addressesHere: [],
                                   reason: "\(domain) does not exist in DNS (NXDOMAIN).")
        case .failed(let failure):
            return DomainMailRoute(domain: domain, mx: [], addresses: [], verdict: .unknown, addressesHere: [],
                                   reason: "DNS gave no answer for \(domain) MX: \(failure.text).")
        case .records:
            break
        }
        let records = mx.records(of: .mx).sorted { ($0.preference, $0.data) < ($1.preference, $1.data) }
        if records.contains(where: { Self.isNullMX($0.data) }) {
            return DomainMailRoute(domain: domain, mx: [MXHost(name: ".", preference: 0)], addresses: [], verdict: .elsewhere, addressesHere: [],
                                   reason: "\(domain) publishes a null MX: it receives mail nowhere, not here either.")
        }
        if records.isEmpty {
            let (addresses, _, failure) = resolved(domain, answers)
            return judge(domain, mx: [], addresses: addresses, failure: failure, mxNamesHere: false)
        }
        var hosts: [MXHost] = []
        var failure: DNSFailure?
        for r in records {
            let (addresses, canonical, f) = resolved(r.data, answers)
            failure = failure ?? f
            hosts.append(MXHost(name: r.data, preference: r.preference, canonicalName: canonical, addresses: addresses))
        }
        let namedHere = hosts.contains { server.names.contains($0.name) || $0.canonicalName.map(server.names.contains) == true }
        return judge(domain, mx: hosts, addresses: hosts.flatMap(\.addresses).uniquedInOrder(), failure: failure, mxNamesHere: namedHere)
    }

    /// A and AAAA of `name` (after any CNAME), where the CNAME chain led, and the failure if neither answered.
    private func resolved(_ name: String, _ answers: [DNSQuestion: DNSAnswer]) -> ([String], String?, DNSFailure?) {
        let a = answers[DNSQuestion(name, .a)] ?? .failed(.resolverSilent)
        let aaaa = answers[DNSQuestion(name, .aaaa)] ?? .failed(.resolverSilent)
        let addresses = (a.records(of: .a) + aaaa.records(of: .aaaa)).map(\.data).uniquedInOrder()
        let canonical = (a.records(of: .cname) + aaaa.records(of: .cname)).last?.data
        var failure: DNSFailure?
        if addresses.isEmpty, case .failed(let f) = a { failure = f }
        if addresses.isEmpty, failure == nil, case .failed(let f) = aaaa { failure = f }
        return (addresses, canonical, failure)
    }

    private func judge(_ domain: String, mx: [MXHost], addresses: [String], failure: DNSFailure?, mxNamesHere: Bool) -> DomainMailRoute {
        let here = addresses.filter(server.contains)
        let what = mx.isEmpty ? "\(domain) has no MX; its own address" : "its MX"
        func route(_ verdict: MailVerdict, _ reason: String) -> DomainMailRoute {
            DomainMailRoute(domain: domain, mx: mx, addresses: addresses, verdict: verdict, addressesHere: here, reason: reason)
        }
        if !here.isEmpty || mxNamesHere {
            let which = here.isEmpty ? "names this server's hostname" : "points to this server (\(here.joined(separator: ", ")))"
            return route(.here, "\(what) \(which): mail for \(domain) comes here.")
        }
        if server.addresses.isEmpty {
            return route(.unknown, "This server's own addresses are unknown (no /etc/ips, /var/cpanel/mainip or ip.list was read), so DNS cannot tell whether mail comes here.")
        }
        if !addresses.isEmpty {
            return route(.elsewhere, "\(what) points to \(addresses.joined(separator: ", ")), none of them this server's: mail for \(domain) goes to another server.")
        }
        if let failure {
            return route(.unknown, "DNS gave no answer for the address of \(mx.first?.name ?? domain): \(failure.text).")
        }
        return route(.unknown, mx.isEmpty ? "\(domain) has neither MX nor address records." : "Its MX hosts have no address records.")
    }
}

extension Array where Element: Hashable {
    /// The elements without repeats, first occurrence kept.
    func uniquedInOrder() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
