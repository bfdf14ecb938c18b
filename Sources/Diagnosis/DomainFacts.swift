import MailServer

/// What the rules ask of every one of a server's domains (local? remote? owned?), read once per
/// domain into a byte: asking each `HostedDomain` again per rule copied its lists and owner
/// (a retain and release each), a fifth of the rules' time at 100,000 domains (`perf`).
struct DomainFacts: OptionSet, Sendable {
    let rawValue: UInt8

    /// In the local-domain list: mail for it is delivered here.
    static let local = DomainFacts(rawValue: 1)
    /// In the remote-domain list.
    static let remote = DomainFacts(rawValue: 2)
    /// A real account owns it (not cPanel's `nobody` placeholder).
    static let owned = DomainFacts(rawValue: 4)

    /// The facts of every domain, in the same positions.
    static func of(_ domains: [HostedDomain]) -> [DomainFacts] {
        domains.withUnsafeBufferPointer { d in
            [DomainFacts](unsafeUninitializedCapacity: d.count) { out, count in
                for i in d.indices {
                    var facts: DomainFacts = []
                    for list in d[i].lists {
                        switch list {
                        case .local: facts.insert(.local)
                        case .remote: facts.insert(.remote)
                        case .secondaryMX: break
                        }
                    }
                    if RuleContext.hasOwner(d[i].owner) { facts.insert(.owned) }
                    out.initializeElement(at: i, to: facts)
                }
                count = d.count
            }
        }
    }
}
