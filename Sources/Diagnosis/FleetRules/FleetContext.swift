import DomainDNS
import MailServer

/// What every fleet rule reads: the servers and look-up tables built once, so a rule never scans
/// all servers' domains per question (a thousand servers of a thousand domains each).
struct FleetContext {
    let servers: [FleetServer]
    /// The first holder of each local domain, by the name's key: server index in the high 32 bits,
    /// the domain's position on that server in the low 32. Integer keys, because a thousand servers
    /// of a thousand domains each are a million inserts, and hashing and comparing the names as
    /// strings was most of the cross-server time.
    private let firstByKey: [UInt64: Int64]
    /// Domains local on two or more servers, with every holder in server order.
    let shared: [String: [Int32]]
    /// Names whose key another name had taken first (two names, one hash: practically never), with
    /// their holders; looked up by name.
    private let collided: [String: [Int32]]
    /// Server index per own IP.
    private let byIP: [IPAddress: Int]
    /// Server indices per hostname.
    let byHostname: [String: [Int]]

    init(_ servers: [FleetServer]) {
        self.servers = servers
        var first: [UInt64: Int64] = [:]
        var shared: [String: [Int32]] = [:]
        var collided: [String: [Int32]] = [:]
        first.reserveCapacity(servers.reduce(0) { $0 + $1.domainKeys.count })
        for i in servers.indices {
            for (j, key) in servers[i].domainKeys.enumerated() {
                // The usual case is a new key: one insert. A key seen before is put back as it was.
                guard let earlier = first.updateValue(Int64(i) << 32 | Int64(j), forKey: key) else { continue }
                first[key] = earlier
                let name = servers[i].localDomains[j].name
                let (s, d) = (Int(earlier >> 32), Int(earlier & 0xffff_ffff))
                if servers[s].localDomains[d].name == name {
                    guard s != i else { continue }
                    if shared[name]?.last != Int32(i) { shared[name, default: [Int32(s)]].append(Int32(i)) }
                } else if collided[name]?.last != Int32(i) {
                    collided[name, default: []].append(Int32(i))
                }
            }
        }
        for (name, holders) in collided where holders.count > 1 { shared[name] = holders }
        firstByKey = first
        self.shared = shared
        self.collided = collided
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
        if let at = firstByKey[FleetServer.LocalDomain.key(of: name)] {
            let s = Int(at >> 32)
            if servers[s].localDomains[Int(at & 0xffff_ffff)].name == name { return [s] }
        }
        return collided[name]?.map(Int.init) ?? []
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

    /// Where public DNS sends `name`'s mail, as one of `holders` was told (the first holder whose
    /// look-up named addresses), and which holders own those addresses; `nil` when none asked.
    func mailRoute(of name: String, among holders: [Int]) -> (asked: Int, route: DomainMailRoute, receivers: [Int])? {
        for i in holders {
            guard let route = servers[i].routes[name], route.verdict == .here || route.verdict == .elsewhere else { continue }
            let addresses = Set(route.addresses.compactMap { IPAddress($0) })
            return (i, route, holders.filter { h in servers[h].ips.contains { addresses.contains($0) } })
        }
        return nil
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
