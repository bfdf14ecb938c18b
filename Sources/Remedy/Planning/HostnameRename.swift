import MailServer

/// Gives the server a new primary hostname with the platform's own tool: cPanel's
/// `set_hostname` (also fixes /etc/hosts, wwwacct.conf, localdomains, DNS, restarts Exim),
/// DirectAdmin's `hostname.sh`, otherwise `hostnamectl`. Editing /etc/hostname alone would leave
/// the server inconsistent, so this remedy writes no file itself.
public struct HostnameRename: Remedy {
    /// The new name.
    public var name: String

    /// Creates the remedy.
    public init(name: String) { self.name = name }

    /// The platform's rename program.
    static func program(for platform: Platform) -> (path: String, arguments: (String) -> [String]) {
        switch platform {
        case .cpanel: (PlatformProgram.cpanelSetHostname, { [$0] })
        case .directadmin: (PlatformProgram.directAdminHostname, { [$0] })
        case .exim, .unknown: (PlatformProgram.hostnamectl, { ["set-hostname", $0] })
        }
    }

    /// The files each platform's tool rewrites, backed up before it runs (docs/changes.md, rule 6).
    static func touchedFiles(_ platform: Platform) -> [String] {
        switch platform {
        case .cpanel: ["/etc/hostname", "/etc/hosts", "/etc/wwwacct.conf", "/etc/localdomains", "/etc/mailhelo"]
        case .directadmin: ["/etc/hostname", "/etc/hosts", "/usr/local/directadmin/conf/directadmin.conf", "/etc/virtual/domains",
                            "/etc/virtual/helo_data"]
        case .exim, .unknown: ["/etc/hostname", "/etc/mailname"]
        }
    }

    public func plan(in context: PlanningContext) throws(RemedyError) -> Plan {
        // cPanel's own limit (Whostmgr::Hostname): at most 60 characters.
        try InputRules.hostName(name, what: "hostname", maxLength: 60)
        let snapshot = context.snapshot
        if name == snapshot.hostname {
            throw RemedyError(.notApplicable, "the hostname is already \(name); nothing to change")
        }
        if let domain = snapshot.domains.first(where: { $0.name == name && $0.name != snapshot.hostname }) {
            let owner = domain.owner.map { ", owned by the account \($0)" } ?? ""
            throw RemedyError(.invalidInput, "\(name) is a domain hosted here\(owner); a hostname equal to a hosted domain is the very conflict behind \"Host impersonating\": pick a name like server1.\(name)")
        }
        let (program, arguments) = Self.program(for: snapshot.platform)
        let undo = snapshot.hostname.map { [PlatformCommandStep(program: program, arguments: arguments($0))] } ?? []
        let command = PlatformCommand(program: program, arguments: arguments(name),
                                      why: "renames the host the \(snapshot.platform.displayName) way, so every file that names it agrees",
                                      undo: undo, touches: Self.touchedFiles(snapshot.platform))
        return Plan(request: .renameHostname(name), title: "Rename this server from \(snapshot.hostname ?? "(unknown)") to \(name)",
                    explanation: "Other servers that greet with the old name no longer collide with it, and this server's own greeting becomes \(name).",
                    commands: [command],
                    followUps: ["Set the reverse DNS (PTR) of the main IP to \(name) at the IP's provider.",
                                "Make sure \(name) has an A record pointing at this server.",
                                "Check with: helofix verify --ip <sender IP> --helo \(snapshot.hostname ?? "old-name")"])
    }
}
