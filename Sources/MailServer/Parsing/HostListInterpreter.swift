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

    /// Interprets a plain host-list file (``PlainHostList``): an address or range item matches; a
    /// quoted item or an `IP: note` line is a name pattern that never matches an address; and the
    /// first item that is not an address makes Exim look up the client's host name, which fails for
    /// a sender without reverse DNS and ends the list there, so later address lines stop matching.
    public func interpret(_ list: PlainHostList) -> (entries: [WhitelistEntry], diagnostics: [Diagnostic]) {
        var entries: [WhitelistEntry] = []
        var diagnostics: [Diagnostic] = []
        var nameItem: PlainHostList.Item?
        for item in list.items {
            let location = SourceLocation(file: file, line: item.line)
            if let net = IPNetwork(item.text) {
                let kind: HostPatternKind = net.address.isIPv6
                    ? (net.isSingleAddress && !item.text.contains("/") ? .ipv6 : .cidr6)
                    : (net.isSingleAddress && !item.text.contains("/") ? .ipv4 : .cidr4)
                let visible = nameItem == nil
                entries.append(plain(item, location, kind, net, visible: visible))
                if let name = nameItem {
                    diagnostics.append(Diagnostic(.afterNameItem, at: location, text: item.raw,
                        message: "\(item.text) comes after \"\(name.text)\" (line \(name.line)), which is not an address: Exim looks up the sender's host name there, and for a sender without reverse DNS the list ends at that line; move the address lines above it or remove line \(name.line)"))
                }
                continue
            }
            if nameItem == nil { nameItem = item }
            // What the admin meant: the address inside quotes, or before a ": note".
            let meant = Self.meantAddress(item.text)
            if let net = meant.flatMap(IPNetwork.init) {
                entries.append(plain(item, location, net.address.isIPv6 ? .ipv6 : .ipv4, net, visible: false))
                diagnostics.append(Diagnostic(.invalidEntry, at: location, text: item.raw,
                    message: "\"\(item.text)\" in \(file) is a host-name pattern to Exim, not an address, and never matches; write the bare address \(net.isSingleAddress ? net.address.description : net.description) on its own line"))
            } else if HostName.isValid(item.text.lowercased()) {
                entries.append(plain(item, location, .hostname, nil, visible: true))
            } else {
                entries.append(plain(item, location, .invalid, nil, visible: false))
                diagnostics.append(Diagnostic(.invalidEntry, at: location, text: item.raw,
                    message: "\"\(item.text)\" in \(file) is not an IP address or CIDR range; correct or remove line \(item.line)"))
            }
        }
        return (entries, diagnostics)
    }

    /// `"2001:db8::1"` → `2001:db8::1`; `203.0.113.5: mail server` → `203.0.113.5`.
    static func meantAddress(_ text: String) -> String? {
        if text.hasPrefix("\""), let close = text.dropFirst().firstIndex(of: "\"") {
            return String(text[text.index(after: text.startIndex)..<close])
        }
        if let colon = text.firstRange(of: ": ") { return String(text[..<colon.lowerBound]) }
        if text.hasSuffix(":") { return String(text.dropLast()) }
        return nil
    }

    private func plain(_ item: PlainHostList.Item, _ location: SourceLocation, _ kind: HostPatternKind, _ net: IPNetwork?,
                       visible: Bool) -> WhitelistEntry {
        WhitelistEntry(entry: item.text, list: list, location: location, raw: item.raw, kind: kind, bypass: bypass,
                       network: net, visibleToExim: visible, grantsRelay: grantsRelay)
    }

    private func make(_ text: String, _ e: LsearchEntry, _ location: SourceLocation, _ kind: HostPatternKind,
                      _ net: IPNetwork?, visible: Bool) -> WhitelistEntry {
        WhitelistEntry(entry: text, list: list, location: location, raw: e.raw, kind: kind, bypass: bypass,
                       network: net, visibleToExim: visible, grantsRelay: grantsRelay)
    }
}
