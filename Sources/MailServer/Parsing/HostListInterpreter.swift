/// Turns the entries of a host list (whitelists, relay lists) into ``WhitelistEntry`` values,
/// flagging what Exim cannot see: indented lines, unquoted IPv6 keys, unparsable entries.
public struct HostListInterpreter: Sendable {
    /// The list's short name.
    public var list: String
    /// The file (server path).
    public var file: String
    /// Whether host names are meaningful in this list (`false` for `iplsearch`-only lists).
    public var acceptsNames: Bool
    /// How far the list bypasses the HELO checks on this platform.
    public var bypass: HeloBypass
    /// The list grants relaying.
    public var grantsRelay: Bool

    /// Creates an interpreter.
    public init(list: String, file: String, acceptsNames: Bool, bypass: HeloBypass, grantsRelay: Bool = false) {
        self.list = list
        self.file = file
        self.acceptsNames = acceptsNames
        self.bypass = bypass
        self.grantsRelay = grantsRelay
    }

    /// Interprets every entry; returns the entries and the extra diagnostics.
    public func interpret(_ parsed: LsearchFile) -> (entries: [WhitelistEntry], diagnostics: [Diagnostic]) {
        var entries: [WhitelistEntry] = []
        var diagnostics: [Diagnostic] = []
        for e in parsed.entries where e.key != "*" {
            let location = SourceLocation(file: file, line: e.line)
            var candidate = e.visible ? e.key : e.unquotedToken
            if !e.quoted {
                // An unquoted IPv6 key: Exim's key stops at the first ':' and the entry is silently skipped.
                let token = e.unquotedToken.hasSuffix(":") ? String(e.unquotedToken.dropLast()) : e.unquotedToken
                if token.contains(":"), let net = IPNetwork(token), net.address.isIPv6 {
                    entries.append(make(token, e, location, net.isSingleAddress ? .ipv6 : .cidr6, net, visible: false))
                    if e.visible {
                        diagnostics.append(Diagnostic(.unquotedIPv6, at: location, text: e.raw,
                            message: "IPv6 entry \(token) in \(file) is not in double quotes, so Exim skips it; write it as \"\(token)\""))
                    }
                    continue
                }
                candidate = e.visible ? e.key : token
            }
            if let net = IPNetwork(candidate) {
                let kind: HostPatternKind = net.address.isIPv6
                    ? (net.isSingleAddress && !candidate.contains("/") ? .ipv6 : .cidr6)
                    : (net.isSingleAddress && !candidate.contains("/") ? .ipv4 : .cidr4)
                entries.append(make(candidate, e, location, kind, net, visible: e.visible))
            } else if acceptsNames, HostName.isValid(candidate), IPAddress(candidate) == nil,
                      !candidate.allSatisfy({ $0.isNumber || $0 == "." || $0 == "/" }) {
                entries.append(make(candidate.lowercased(), e, location, .hostname, nil, visible: e.visible))
            } else {
                entries.append(make(candidate, e, location, .invalid, nil, visible: false))
                diagnostics.append(Diagnostic(.invalidEntry, at: location, text: e.raw,
                    message: "\"\(candidate)\" in \(file) is not \(acceptsNames ? "an address, range or host name" : "an IP address or CIDR range"); correct or remove line \(e.line)"))
            }
        }
        return (entries, diagnostics)
    }

    private func make(_ text: String, _ e: LsearchEntry, _ location: SourceLocation, _ kind: HostPatternKind,
                      _ net: IPNetwork?, visible: Bool) -> WhitelistEntry {
        WhitelistEntry(entry: text, list: list, location: location, raw: e.raw, kind: kind, bypass: bypass,
                       network: net, visibleToExim: visible, grantsRelay: grantsRelay)
    }
}
