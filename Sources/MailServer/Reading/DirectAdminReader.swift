extension SnapshotBuilder {
    /// Reads a DirectAdmin server (the files in docs/files.md, "DirectAdmin").
    mutating func readDirectAdmin() {
        var extra: [HostnameSource] = []
        let conf = "/usr/local/directadmin/conf/directadmin.conf"
        if let bytes = bytes(conf) {
            for s in SettingsFileParser.parse(bytes, separator: "=") where s.key == "servername" && !s.value.isEmpty {
                extra.append(HostnameSource(location: .init(file: conf, line: s.line), value: s.value.lowercased()))
            }
        }
        readHostname(extra: extra)
        let ipList = "/usr/local/directadmin/data/admin/ip.list"
        if let bytes = bytes(ipList) {
            for (i, line) in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if let ip = IPAddress(line.trimmingCharacters(in: " \t\r")) {
                    snapshot.ips.append(ServerIP(address: ip, location: .init(file: ipList, line: i + 1), isMain: snapshot.ips.isEmpty))
                }
            }
        }
        readDomainList("/etc/virtual/domains", as: .local)
        readOwners("/etc/virtual/domainowners")
        readGreetings("/etc/virtual/helo_data", keyedByIP: true)
        readOutgoingIPs("/etc/virtual/domainips")
        let accept = readDirectAdminSettings()
        for source in WhitelistCatalog.directAdmin(whitelistAccept: accept) { readHostList(source) }
        readDirectAdminDomainDirs()
        readTraceDirectory("/var/named", kind: .zone, suffix: ".db")
        readTraceDirectory("/etc/bind", kind: .zone, suffix: ".db")
        readNamedConf("/etc/named.conf")
        readNamedConf("/etc/bind/named.conf")
    }

    /// Which impersonation rules the installed `/etc/exim.conf` contains, and whether `acl_check_helo`
    /// accepts `+whitelist_hosts_ip` (SpamBlocker 4.5+). Returns that accept, `nil` when unknown.
    private mutating func readDirectAdminSettings() -> Bool? {
        let path = "/etc/exim.conf"
        guard let bytes = bytes(path) else {
            snapshot.settings = HeloCheckSettings(
                hostnameRule: RuleSetting(enabled: nil, source: "\(path) not readable"),
                localDomainRule: RuleSetting(enabled: nil, source: "\(path) not readable"), stage: .helo)
            return nil
        }
        let text = String(decoding: bytes, as: UTF8.self)
        var hostnameLine: Int?, domainLine: Int?, whitelistLine: Int?
        var inHeloACL = false
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: " \t\r")
            if line.hasPrefix("#") { continue }
            if line.hasSuffix(":") && !line.contains(" ") { inHeloACL = line == "acl_check_helo:" }
            if hostnameLine == nil, line.contains("HELO_HOST_IMPERSANATION") || line.contains("Host impersonating hostname") { hostnameLine = i + 1 }
            if domainLine == nil, line.contains("HELO_IS_LOCAL_DOMAIN") || line.contains("Host impersonating domain name") { domainLine = i + 1 }
            if inHeloACL, whitelistLine == nil, line.hasPrefix("accept"), line.contains("+whitelist_hosts_ip") { whitelistLine = i + 1 }
        }
        func setting(_ line: Int?) -> RuleSetting {
            line.map { RuleSetting(enabled: true, source: "\(path):\($0)") } ?? RuleSetting(enabled: false, source: "\(path) has no such rule")
        }
        snapshot.settings = HeloCheckSettings(hostnameRule: setting(hostnameLine), localDomainRule: setting(domainLine),
                                              stage: .helo, whitelistHostsIPAccept: whitelistLine != nil)
        return whitelistLine != nil
    }

    /// `/etc/virtual/DOMAIN/` directories (aliases, filters) are per-domain traces.
    private mutating func readDirectAdminDomainDirs() {
        guard let names = root.list("/etc/virtual") else { return }
        for name in names.sorted() where name.contains(".") && HostName.isValid(name) && root.isDirectory("/etc/virtual/\(name)") {
            snapshot.traces.append(DomainTrace(domain: name.lowercased(), kind: .directadminDomainDir,
                                               location: SourceLocation(file: "/etc/virtual/\(name)")))
        }
    }
}
