/// How `hostlist relay_hosts` is defined in the installed configuration: SpamBlocker 4.4 names
/// `net-lsearch;/etc/virtual/pophosts` in exim.conf (exact addresses: a CIDR line matches
/// nothing); 4.5 sets it in `/etc/exim.variables.conf`, empty by default.
public enum RelayHostsDefinition: Sendable, Hashable {
    /// A lookup file; `exact` for `lsearch`/`net-lsearch` (no ranges).
    case file(String, exact: Bool)
    /// Defined empty: nothing is exempt.
    case empty
    /// Not found: assume the historical pophosts file.
    case unknown

    /// Reads the value after `hostlist relay_hosts =`.
    public static func parse(_ value: String) -> RelayHostsDefinition {
        let v = value.trimmingCharacters(in: " \t")
        if v.isEmpty { return .empty }
        guard let semicolon = v.firstIndex(of: ";") else { return .unknown }
        let kind = v[..<semicolon], path = String(v[v.index(after: semicolon)...]).trimmingCharacters(in: " \t")
        guard path.hasPrefix("/") else { return .unknown }
        return .file(String(path), exact: kind.hasSuffix("lsearch") && !kind.hasSuffix("iplsearch"))
    }

    var sources: [WhitelistSource] {
        let file: String, exact: Bool
        switch self {
        case .empty: return []
        case .unknown: (file, exact) = ("/etc/virtual/pophosts", false)
        case .file(let f, let e): (file, exact) = (f, e)
        }
        var source = WhitelistSource(list: "relay_hosts", file: file, acceptsNames: false, bypass: .localDomainRuleOnly, grantsRelay: true,
                                     why: "exempts from the local-domain rule only, and grants relaying")
        source.exactAddressesOnly = exact
        return [source]
    }
}
