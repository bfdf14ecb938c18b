extension SnapshotBuilder {
    /// Reads a cPanel/WHM server (the files in docs/files.md, "cPanel/WHM").
    mutating func readCPanel() {
        let root = self.root, f = CPanelFiles(), z = ZoneFiles()
        let aliasDirectories: [(ServerFile, DomainTrace.Kind)] = [(f.valiases, .valiases), (f.vdomainaliases, .vdomainaliases), (f.vfilters, .vfilters)]
        // A big server has 100,000 names in each of /etc/valiases and /var/named and 400,000 lines
        // of named.conf: listing them needs no domain table, so it runs on other cores meanwhile.
        let aliasNames = SideTask { aliasDirectories.map { DirectoryNames(root, $0.0.path) } }
        let zoneNames = SideTask { (DirectoryNames(root, z.varNamed.path), ZoneStanzas(root, z.namedConf.path)) }
        let accountFiles = readCPanelDomains()
        // The lists are read: the names are sorted on another core meanwhile (for `finish`).
        presorted = domains.sortingNames().map { SideTask($0) }
        readCPanelMail()
        let aliases = aliasNames.value(), (zoneFiles, stanzas) = zoneNames.value()
        let named = record(z.namedConf.path, stanzas.file) != nil ? stanzas : nil
        let untraced = snapshot.traceList, known = domains.count
        let traceSources = (aliases: Array(zip(aliasDirectories, aliases)), zones: (zoneFiles, z.varNamed), named: named.map { ($0, z.namedConf.path) })
        addTraces(aliases: traceSources.aliases, zones: traceSources.zones, named: traceSources.named)
        guard let accountFiles else { return }
        // The account files were read on other cores meanwhile; their owners are taken after the
        // traces, which need only the domains' names. Should they name a domain no list or
        // userdomains line has, the traces are made again with it in the table, as a read in file
        // order would have made them.
        claimAccountDomains(accountFiles.value())
        guard domains.count != known else { return }
        snapshot.traceList = untraced
        addTraces(aliases: traceSources.aliases, zones: traceSources.zones, named: traceSources.named)
    }

    /// The traces of the per-domain directories and `named.conf` stanzas. The alias traces and the
    /// stanzas' are made on other cores while this one makes the zone files', each into a list of
    /// its own, joined after in the order a serial read gives (greeting and outgoing-IP lines,
    /// aliases, zone files, stanzas).
    /// The copy of the domain table they share is let go on return, so a later change to the
    /// table is not a copy of it.
    private mutating func addTraces(aliases: [((ServerFile, DomainTrace.Kind), DirectoryNames)], zones: (DirectoryNames, ServerFile),
                                    named: (ZoneStanzas, String)?) {
        let table = domains, compacting = snapshot.traceList.compacts
        let aliasTraces = SideTask {
            var found = TraceList(compacting: compacting)
            for ((entry, kind), listing) in aliases { Self.traces(of: listing, in: entry, kind: kind, table: table, into: &found) }
            return found
        }
        let stanzaTraces = named.map { named in
            SideTask {
                var found = TraceList(compacting: compacting)
                Self.traces(of: named.0, named.1, table: table, into: &found)
                return found
            }
        }
        var zoneTraces = TraceList(compacting: compacting)
        Self.traces(of: zones.0, in: zones.1, kind: .zone, table: table, into: &zoneTraces)
        snapshot.traceList.append(contentsOf: aliasTraces.value())
        snapshot.traceList.append(contentsOf: zoneTraces)
        if let stanzaTraces { snapshot.traceList.append(contentsOf: stanzaTraces.value()) }
    }

    /// Hostname, IPs, the domain lists and their owners. When `/etc/userdomains` leaves a local
    /// domain unowned, the account files are read on other cores: the task that reads them.
    mutating func readCPanelDomains() -> SideTask<AccountFiles.Owned?>? {
        let f = CPanelFiles(), root = self.root, fast = fastPaths
        // /etc/userdomains (100,000 lines on a big server) is read and its shape checked on
        // another core while this one reads the domain lists; it is recorded in order below.
        let userdomains = SideTask { () -> (FileRead, PlainOwners?) in
            let read = root.read(f.userdomains.path)
            guard fast, case .content(let bytes, _) = read else { return (read, nil) }
            return (read, bytes.withUnsafeBufferPointer { PlainDomainLines.owners($0) }.map { .found($0) })
        }
        var extra: [HostnameSource] = []
        if let bytes = bytes(f.wwwacct.path) {
            for s in SettingsFileParser.parse(bytes, separator: nil) where s.key == "HOST" && !s.value.isEmpty {
                extra.append(HostnameSource(location: .init(file: f.wwwacct.path, line: s.line), value: s.value.lowercased()))
            }
        }
        readHostname(extra: extra)
        readCPanelIPs()
        readDomainList(f.localdomains.path, as: .local)
        readDomainList(f.remotedomains.path, as: .remote)
        readDomainList(f.secondaryMX.path, as: .secondaryMX)
        let (read, plain) = userdomains.value()
        readOwners(f.userdomains.path, read, plain: plain)
        // /etc/userdomains is cPanel's cache of the users files; the users files (one per account,
        // 10,000 opens on a big server) are read only when the cache leaves a local domain unowned.
        let hostname = snapshot.hostname
        guard domains.values.contains(where: { $0.owner == nil && $0.lists.contains(.local) && $0.name != hostname }) else { return nil }
        let accountFiles = AccountFiles(root: root, directory: f.users.path, fast: fast)
        return SideTask { accountFiles.domainOwners() }
    }

    /// Greetings, outgoing IPs, whitelists and HELO settings (the per-domain traces follow).
    mutating func readCPanelMail() {
        let f = CPanelFiles()
        readGreetings(f.mailhelo.path, keyedByIP: false)
        readOutgoingIPs(f.mailips.path)
        snapshot.customMailhelo = root.exists(f.customMailhelo.path)
        snapshot.customMailips = root.exists(f.customMailips.path)
        // The whitelist files are listed in CPanelFiles from the same catalog.
        for source in WhitelistCatalog.cpanel { readHostList(source) }
        readCustomBeginMail(f.customBeginMail.path)
        readCPanelSettings(f.localopts.path)
    }

    /// `/etc/ips` (`IP:netmask:broadcast`) and `/var/cpanel/mainip`.
    private mutating func readCPanelIPs() {
        let f = CPanelFiles()
        if let text = singleValue(f.mainIP.path) {
            if let ip = IPAddress(text) {
                snapshot.ips.append(ServerIP(address: ip, location: .init(file: f.mainIP.path, line: 1), isMain: true))
            }
        }
        if let bytes = bytes(f.ips.path) {
            let text = String(decoding: bytes, as: UTF8.self)
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard let first = line.split(separator: ":").first, let ip = IPAddress(first.trimmingCharacters(in: " \t\r")) else { continue }
                if !snapshot.ips.contains(where: { $0.address == ip }) {
                    snapshot.ips.append(ServerIP(address: ip, location: .init(file: f.ips.path, line: i + 1), isMain: false))
                }
            }
        }
    }

    /// `/var/cpanel/users/USER`: `DNS=`, `DNS1=`, … name the account's domains (the source of truth).
    private mutating func claimAccountDomains(_ owned: AccountFiles.Owned?) {
        guard let owned else { return }
        // An account's domains usually follow each other in the lists too: the next id is tried first.
        var last = -1
        owned.forEach { domain, account in last = domains.claim(domain, by: account, guess: last + 1) }
    }

    /// Host entries in the `custom_begin_mail` ACL slot (`accept hosts = <; 198.51.100.25 ; …`).
    private mutating func readCustomBeginMail(_ path: String) {
        guard let bytes = bytes(path) else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: " \t\r")
            guard !trimmed.hasPrefix("#"), let eq = trimmed.firstRange(of: "hosts") else { continue }
            var list = trimmed[eq.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
            var separator: Character = ":"
            if list.hasPrefix("<"), list.count >= 2 {
                separator = list[list.index(after: list.startIndex)]
                list = list.dropFirst(2)
            }
            for item in list.split(separator: separator) {
                let entry = item.trimmingCharacters(in: " \t")
                guard !entry.isEmpty else { continue }
                let location = SourceLocation(file: path, line: i + 1)
                if let net = IPNetwork(entry) {
                    let kind: HostPatternKind = net.address.isIPv6 ? (entry.contains("/") ? .cidr6 : .ipv6) : (entry.contains("/") ? .cidr4 : .ipv4)
                    snapshot.whitelist.append(WhitelistEntry(entry: String(entry), list: "custom_begin_mail", location: location, raw: String(line),
                                                             kind: kind, bypass: .all, network: net, visibleToExim: true))
                } else {
                    snapshot.whitelist.append(WhitelistEntry(entry: String(entry), list: "custom_begin_mail", location: location, raw: String(line),
                                                             kind: .invalid, bypass: .all, network: nil, visibleToExim: false))
                    snapshot.diagnostics.append(Diagnostic(.invalidEntry, at: location, text: String(line),
                        message: "\"\(entry)\" in \(path) is not an address or range; correct line \(i + 1) and run /scripts/buildeximconf"))
                }
            }
        }
    }

    /// `/etc/exim.conf.localopts` with cPanel's defaults: `acl_requirehelonoforge=1`, `acl_requirehelonold=0`.
    private mutating func readCPanelSettings(_ path: String) {
        var noforge = RuleSetting(enabled: true, source: "cPanel default (on)")
        var nold = RuleSetting(enabled: false, source: "cPanel default (off)")
        var customBeginMail = true
        if let bytes = bytes(path) {
            for s in SettingsFileParser.parse(bytes, separator: "=") {
                if s.key == "acl_custom_begin_mail" { customBeginMail = s.value != "0" }
                let on: Bool? = switch s.value { case "1": true; case "0": false; default: nil }
                guard s.key == "acl_requirehelonoforge" || s.key == "acl_requirehelonold" else { continue }
                guard let on else {
                    snapshot.diagnostics.append(Diagnostic(.malformedSetting, at: .init(file: path, line: s.line), text: "\(s.key)=\(s.value)",
                        message: "\(s.key) in \(path) should be 0 or 1; set it in WHM » Exim Configuration Manager"))
                    continue
                }
                let setting = RuleSetting(enabled: on, source: "\(path):\(s.line)")
                if s.key == "acl_requirehelonoforge" { noforge = setting } else { nold = setting }
            }
        }
        snapshot.settings = HeloCheckSettings(hostnameRule: noforge, localDomainRule: nold, stage: .mail)
        snapshot.settings.customBeginMail = customBeginMail
    }
}
