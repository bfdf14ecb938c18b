import MailServer

/// Sets, changes or removes an outgoing greeting: cPanel `/etc/mailhelo` per sender
/// domain or `*`, creating `/var/cpanel/custom_mailhelo` so `updateuserdomains` keeps the edit;
/// DirectAdmin `/etc/virtual/helo_data` per sending IP (IPv6 keys quoted for `iplsearch`).
public struct GreetingEdit: Remedy {
    /// The sender domain, sending IP or `*`.
    public var key: String
    /// The new greeting, or `nil` to remove the entry.
    public var name: String?

    /// Creates the remedy.
    public init(key: String, name: String?) {
        self.key = key
        self.name = name
    }

    public func plan(in context: PlanningContext) throws(RemedyError) -> Plan {
        if let name {
            try InputRules.hostName(name, what: "greeting name")
            if context.isHostedDomain(name) && !context.force {
                throw RemedyError(.invalidInput, "\(name) is a bare domain hosted here; a receiver that also hosts \(name) would reject it as impersonation: use a host name like mail.\(name) or the server's hostname (or --force)")
            }
        }
        switch context.snapshot.platform {
        case .cpanel: return try cpanelPlan(context)
        case .directadmin: return try directAdminPlan(context)
        case .exim, .unknown:
            throw RemedyError(.notApplicable, "plain Exim has no per-domain greeting file; set helo_data in the remote_smtp transport of your exim configuration instead")
        }
    }

    private func cpanelPlan(_ context: PlanningContext) throws(RemedyError) -> Plan {
        let fileKey: String
        if key == "*" { fileKey = "*" } else {
            try InputRules.hostName(key, what: "sender domain")
            fileKey = key
        }
        let path = "/etc/mailhelo"
        let (before, _) = try context.current(path)
        let after: [UInt8]
        if let name {
            after = LsearchEdit.setting(fileKey, line: "\(fileKey): \(name)", in: before ?? [], beforeDefault: fileKey != "*")
        } else {
            guard let before, !LsearchEdit.entryLines(before, key: fileKey, mode: .keyValue).isEmpty else {
                throw RemedyError(.notApplicable, "\(path) has no greeting for \(fileKey); nothing to remove")
            }
            after = LsearchEdit.removing(fileKey, from: before, mode: .keyValue)
        }
        var files: [FileChange] = []
        if let change = try context.change(path, to: after, newFileMode: 0o640, group: "mail") { files.append(change) }
        guard !files.isEmpty else { throw RemedyError(.notApplicable, "the greeting for \(fileKey) is already \(name ?? "absent"); nothing to change") }
        // Without this flag file cPanel's updateuserdomains rewrites /etc/mailhelo and the edit is lost.
        if !context.root.exists("/var/cpanel/custom_mailhelo"),
           let flag = try context.change("/var/cpanel/custom_mailhelo", to: [], newFileMode: 0o644) {
            files.append(flag)
        }
        let what = fileKey == "*" ? "the default greeting" : "the greeting for mail from \(fileKey)"
        return Plan(request: name.map { .setGreeting(key: key, name: $0) } ?? .removeGreeting(key: key),
                    title: name.map { "Set \(what) to \($0)" } ?? "Remove \(what)",
                    explanation: "Exim reads /etc/mailhelo for each outgoing message, so the change applies to the next message; no restart. /var/cpanel/custom_mailhelo keeps cPanel from regenerating the file.",
                    createDirectories: files.contains { $0.path == "/var/cpanel/custom_mailhelo" } ? context.missingDirectories(for: "/var/cpanel/custom_mailhelo") : [],
                    files: files,
                    followUps: ["Ask the receiving server's admin to retry, or test with: helofix verify --ip <this server's IP> --helo \(name ?? "<greeting>") on the receiver."])
    }

    private func directAdminPlan(_ context: PlanningContext) throws(RemedyError) -> Plan {
        guard key != "*", let ip = IPAddress(key) else {
            throw RemedyError(.invalidInput, "DirectAdmin keys greetings by sending IP in /etc/virtual/helo_data, not by \(key == "*" ? "a default" : "domain"); give one of this server's IPs (without a line, the hostname is used)")
        }
        // iplsearch needs IPv6 keys in double quotes, or Exim silently skips the line.
        let fileKey = ip.isIPv6 ? "\"\(ip)\"" : ip.description
        let path = "/etc/virtual/helo_data"
        let (before, _) = try context.current(path)
        let matchKey = ip.description
        let existing = lineKeys(before ?? [], matching: ip)
        var after = before ?? []
        for k in existing { after = LsearchEdit.removing(k, from: after, mode: .keyValue) }
        if let name {
            after = existing.first.map { LsearchEdit.setting($0, line: "\(fileKey): \(name)", in: before ?? [], beforeDefault: false) }
                ?? LsearchEdit.appending("\(fileKey): \(name)", to: before ?? [])
        } else if existing.isEmpty {
            throw RemedyError(.notApplicable, "\(path) has no greeting for \(matchKey); nothing to remove")
        }
        guard let change = try context.change(path, to: after, newFileMode: 0o644, group: "mail") else {
            throw RemedyError(.notApplicable, "the greeting for \(matchKey) is already \(name ?? "absent"); nothing to change")
        }
        return Plan(request: name.map { .setGreeting(key: key, name: $0) } ?? .removeGreeting(key: key),
                    title: name.map { "Set the greeting for mail sent from \(matchKey) to \($0)" } ?? "Remove the greeting for \(matchKey)",
                    explanation: "Exim looks up /etc/virtual/helo_data for each outgoing connection; no restart needed.",
                    files: [change])
    }

    /// The keys as written in the file (any spelling) that name `ip`.
    private func lineKeys(_ bytes: [UInt8], matching ip: IPAddress) -> [String] {
        LsearchParser.parse(bytes, file: "", mode: .keyValue).entries.filter { $0.visible && IPAddress($0.key) == ip }.map(\.key)
    }
}
