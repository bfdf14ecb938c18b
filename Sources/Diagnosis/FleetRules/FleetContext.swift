import MailServer

/// What every fleet rule reads: the servers and look-up tables built once, so a rule never scans
/// all servers' domains per question (a thousand servers of a thousand domains each).
struct FleetContext {
    let servers: [FleetServer]
    /// Server indices per local domain, for domains local on one server (the usual case)...
    private let single: [String: Int32]
    /// ...and for domains local on two or more, in server order.
    let shared: [String: [Int32]]
    /// Server index per own IP.
    private let byIP: [IPAddress: Int]
    /// Server indices per hostname.
    let byHostname: [String: [Int]]

    init(_ servers: [FleetServer]) {
        self.servers = servers
        var single: [String: Int32] = [:]
        var shared: [String: [Int32]] = [:]
        single.reserveCapacity(servers.reduce(0) { $0 + $1.localDomains.count })
        for (i, server) in servers.enumerated() {
            for domain in server.localDomains {
                if let first = single.updateValue(Int32(i), forKey: domain.name) {
                    // Keep the first owner in `single`; the name moves to `shared` with every holder.
                    single[domain.name] = first
                    if shared[domain.name] == nil { shared[domain.name] = [first] }
                    if shared[domain.name]!.last != Int32(i) { shared[domain.name]!.append(Int32(i)) }
                }
            }
        }
        self.single = single
        self.shared = shared
        var byIP: [IPAddress: Int] = [:]
        var byHostname: [String: [Int]] = [:]
        for (i, server) in servers.enumerated() {
            for ip in server.ips where byIP[ip] == nil { byIP[ip] = i }
            if let h = server.hostname { byHostname[h, default: []].append(i) }
        }
        self.byIP = byIP
        self.byHostname = byHostname
    }

    /// The servers on which `name` is a local domain.
    func servers(localOn name: String) -> [Int] {
        if let many = shared[name] { return many.map(Int.init) }
        return single[name].map { [Int($0)] } ?? []
    }

    /// The fleet server that owns this address.
    func server(at ip: IPAddress?) -> Int? { ip.flatMap { byIP[$0] } }

    /// The local-domain entry of `name` on server `i`.
    func domain(_ name: String, on i: Int) -> FleetServer.LocalDomain? {
        servers[i].localDomains.first { $0.name == name }
    }

    /// Refusals on server `receiver` of the greeting `helo` (from any sender when `sender` is `nil`).
    func refusals(on receiver: Int, helo: String, from sender: Int? = nil) -> [RejectionGroup] {
        servers[receiver].refusals.filter { $0.helo == helo && (sender == nil || server(at: $0.ip) == sender) }
    }

    /// Names of servers, in fleet order.
    func names(_ indices: [Int]) -> [String] { indices.sorted().map { servers[$0].name } }

    /// A name the admin can give a server whose hostname clashes: its inventory name when that is
    /// a host name nobody uses yet, otherwise a placeholder they must replace.
    func suggestedHostname(for i: Int) -> String {
        let name = servers[i].name.lowercased()
        let isAddress = IPAddress(name) != nil
        if !isAddress, name.contains("."), HostName.isValid(name), byHostname[name] == nil, servers(localOn: name).isEmpty { return name }
        return "NEW-UNIQUE-NAME"
    }

    /// Evidence of where a domain is listed on a server, with its owner when there is one.
    func evidence(of domain: FleetServer.LocalDomain, on i: Int) -> [FleetEvidence] {
        let text = domain.name + (domain.owner.map { " (owner: \($0))" } ?? " (no account owns it)")
        return [FleetEvidence(server: servers[i].name, evidence: .file(domain.source ?? SourceLocation(file: "local domains"), text: text))]
    }

    /// Log groups as evidence.
    func evidence(_ groups: [RejectionGroup], on i: Int) -> [FleetEvidence] {
        groups.map { FleetEvidence(server: servers[i].name, evidence: .log($0)) }
    }
}
