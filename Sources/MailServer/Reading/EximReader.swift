extension SnapshotBuilder {
    /// Reads a plain Exim server such as Debian's exim4: hostname, `/etc/mailname`, and the
    /// local domains from `update-exim4.conf.conf` (`dc_other_hostnames`).
    mutating func readExim() {
        let f = EximFiles()
        var extra: [HostnameSource] = []
        if let name = singleValue(f.mailname.path) {
            extra.append(HostnameSource(location: .init(file: f.mailname.path, line: 1), value: name.lowercased()))
        }
        readHostname(extra: extra)
        let conf = f.updateConf.path
        if let bytes = bytes(conf) {
            for s in SettingsFileParser.parse(bytes, separator: "=") where s.key == "dc_other_hostnames" {
                for name in s.value.split(separator: ";") {
                    let domain = name.trimmingCharacters(in: " \t").lowercased()
                    guard HostName.isValid(domain) else { continue }
                    domains.update(domain) { $0.add(.local, at: SourceLocation(file: conf, line: s.line)) }
                }
            }
        }
        readDomainList(f.localdomains.path, as: .local)
        snapshot.settings = HeloCheckSettings(
            hostnameRule: RuleSetting(enabled: nil, source: "plain Exim: only a custom ACL rejects forged greetings"),
            localDomainRule: RuleSetting(enabled: nil, source: "plain Exim: only a custom ACL rejects forged greetings"), stage: nil)
    }
}
