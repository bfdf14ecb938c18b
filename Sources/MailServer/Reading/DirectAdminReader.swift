extension SnapshotBuilder {
    /// Reads a DirectAdmin server (the files in docs/files.md, "DirectAdmin").
    mutating func readDirectAdmin() {
        let f = DirectAdminFiles()
        var extra: [HostnameSource] = []
        let conf = f.conf.path
        if let bytes = bytes(conf) {
            for s in SettingsFileParser.parse(bytes, separator: "=") where s.key == "servername" && !s.value.isEmpty {
                extra.append(HostnameSource(location: .init(file: conf, line: s.line), value: s.value.lowercased()))
            }
        }
        readHostname(extra: extra)
        let ipList = f.ipList.path
        if let bytes = bytes(ipList) {
            for (i, line) in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if let ip = IPAddress(line.trimmingCharacters(in: " \t\r")) {
                    snapshot.ips.append(ServerIP(address: ip, location: .init(file: ipList, line: i + 1), isMain: snapshot.ips.isEmpty))
                }
            }
        }
        readDomainList(f.domains.path, as: .local)
        readOwners(f.domainowners.path)
        readGreetings(f.heloData.path, keyedByIP: true)
        readOutgoingIPs(f.domainips.path)
        let accept = readDirectAdminSettings(f.eximConf.path)
        // The whitelist files are listed in DirectAdminFiles from the same catalog.
        for source in WhitelistCatalog.directAdmin(whitelistAccept: accept) { readHostList(source) }
        readDirectAdminDomainDirs(f.domainDirectories.path)
        readZones(ZoneFiles())
        readZones(DebianZoneFiles())
    }

    /// Which impersonation rules the installed `/etc/exim.conf` contains, and whether `acl_check_helo`
    /// accepts `+whitelist_hosts_ip` (SpamBlocker 4.5+). Returns that accept, `nil` when unknown.
    private mutating func readDirectAdminSettings(_ path: String) -> Bool? {
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
    private mutating func readDirectAdminDomainDirs(_ dir: String) {
        guard let names = root.list(dir) else { return }
        for name in names.sorted() where name.contains(".") && HostName.isValid(name) && root.isDirectory("\(dir)/\(name)") {
            snapshot.traces.append(DomainTrace(domain: name.lowercased(), kind: .directadminDomainDir,
                                               location: SourceLocation(file: "\(dir)/\(name)")))
        }
    }
}
