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
        // The whitelist files are listed in DirectAdminFiles from the same catalog; relay_hosts
        // comes from its definition in the installed configuration.
        for source in WhitelistCatalog.directAdmin(whitelistAccept: accept, relayHosts: relayHostsDefinition()) { readHostList(source) }
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
        var hostnameLine: Int?, domainLine: Int?, whitelistLine: Int?, submissionLine: Int?, preConfLine: Int?
        var inHeloACL = false
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: " \t\r")
            if line.hasPrefix("#") { continue }
            if line.hasSuffix(":") && !line.contains(" ") { inHeloACL = line == "acl_check_helo:" }
            if hostnameLine == nil, line.contains("HELO_HOST_IMPERSANATION") || line.contains("Host impersonating hostname") { hostnameLine = i + 1 }
            if domainLine == nil, line.contains("HELO_IS_LOCAL_DOMAIN") || line.contains("Host impersonating domain name") { domainLine = i + 1 }
            if inHeloACL, whitelistLine == nil, line.hasPrefix("accept"), line.contains("+whitelist_hosts_ip") { whitelistLine = i + 1 }
            // SpamBlocker 4.5.57: `accept condition = ${if inlist {$interface_port}{465 : 587}}`.
            if inHeloACL, submissionLine == nil, line.hasPrefix("accept"), line.contains("$interface_port"), line.contains("587") { submissionLine = i + 1 }
            if inHeloACL, preConfLine == nil, line.hasPrefix(".include"), line.hasSuffix("exim.acl_check_helo.pre.conf") { preConfLine = i + 1 }
        }
        func setting(_ line: Int?) -> RuleSetting {
            line.map { RuleSetting(enabled: true, source: "\(path):\($0)") } ?? RuleSetting(enabled: false, source: "\(path) has no such rule")
        }
        snapshot.settings = HeloCheckSettings(hostnameRule: setting(hostnameLine), localDomainRule: setting(domainLine),
                                              stage: .helo, whitelistHostsIPAccept: whitelistLine != nil)
        snapshot.settings.submissionPortsAcceptAnyHelo = submissionLine != nil
        snapshot.settings.heloPreConfHook = preConfLine != nil
        return whitelistLine != nil
    }

    /// `hostlist relay_hosts` as the installed configuration defines it: in exim.conf (4.4) or in
    /// exim.variables.conf (4.5, where CustomBuild merges the .custom file in).
    private mutating func relayHostsDefinition() -> RelayHostsDefinition {
        for path in ["/etc/exim.conf", "/etc/exim.variables.conf"] {
            guard let bytes = bytes(path) else { continue }
            for raw in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
                let line = raw.trimmingCharacters(in: " \t\r")
                guard line.hasPrefix("hostlist"), let eq = line.firstIndex(of: "=") else { continue }
                let name = line.dropFirst("hostlist".count)[..<eq].trimmingCharacters(in: " \t")
                guard name == "relay_hosts" else { continue }
                var definition = RelayHostsDefinition.parse(String(line[line.index(after: eq)...]))
                // A copy of a server whose configuration was pointed into the copy names host paths.
                if case .file(let f, let exact) = definition, root.path != "/", f.hasPrefix(root.path + "/") {
                    definition = .file(String(f.dropFirst(root.path.count)), exact: exact)
                }
                return definition
            }
        }
        return .unknown
    }

    /// `/etc/virtual/DOMAIN/` directories (aliases, filters) are per-domain traces.
    private mutating func readDirectAdminDomainDirs(_ dir: String) {
        guard let names = root.list(dir) else { return }
        for name in names.sorted() where name.contains(".") && HostName.isValid(name) && root.isDirectory("\(dir)/\(name)") {
            snapshot.traceList.append(DomainTrace(domain: name.lowercased(), kind: .directadminDomainDir,
                                                  location: SourceLocation(file: "\(dir)/\(name)")))
        }
    }
}
