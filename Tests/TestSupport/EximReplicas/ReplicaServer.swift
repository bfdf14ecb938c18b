import Foundation
import ServerFixtures

/// A test server root with an ``EximReplica`` installed: the platform's marker directories and
/// the lists its ACL reads, hosting `example.com` (plus the hostname, as both platforms list it).
public struct ReplicaServer: Sendable {
    /// The replica.
    public let replica: EximReplica
    /// The root, with helofix's state directory.
    public let root: CLIRoot

    /// Writes the tree and the replica. `extra` adds or replaces files (server path → text).
    public init(_ replica: EximReplica, extra: [String: String] = [:]) throws {
        self.replica = replica
        var t = Self.skeleton(replica)
        for (path, text) in extra { t.file(path, text) }
        root = try CLIRoot(t)
        try replica.install(in: root.path)
    }

    /// The configuration's host path, for `-C`.
    public var config: String { root.path + replica.platform.configPath }

    /// A session from `client` greeting as `helo`.
    public func session(_ client: String, helo: String, port: Int = 25, authenticate: Bool = false) throws -> EximSession {
        EximReplica.makeReadable(root.path)
        return try EximSession.run(config: config, client: client, helo: helo, port: port, authenticate: authenticate)
    }

    /// Deletes the root.
    public func remove() { root.remove() }

    static func skeleton(_ r: EximReplica) -> ServerTree {
        var t = ServerTree()
        t.file("/etc/hostname", "\(r.hostname)\n")
        let domains = "\(r.hostname)\nexample.com\n"
        switch r.platform {
        case .cpanel:
            t.directory("/usr/local/cpanel/bin")
            t.file("/etc/wwwacct.conf", "ADDR \(EximReplica.localIP)\nHOST \(r.hostname)\n")
            t.file("/var/cpanel/mainip", EximReplica.localIP)
            t.file("/etc/localdomains", domains, mode: 0o640)
            t.file("/etc/userdomains", "example.com: bob\n*: nobody\n", mode: 0o640)
            t.file("/var/cpanel/users/bob", "USER=bob\nDNS=example.com\n")
            for list in ["/etc/remotedomains", "/etc/secondarymx", "/etc/alwaysrelay", "/etc/recent_authed_mail_ips", "/etc/backupmxhosts",
                         "/etc/skipsmtpcheckhosts", "/etc/trustedmailhosts"] {
                t.file(list, "", mode: 0o640)
            }
            t.file("/var/log/exim_mainlog", "")
            t.directory("/usr/local/cpanel/etc/exim/acls/ACL_MAIL_BLOCK")
            t.file("/scripts/buildeximconf", "#!/bin/sh\n# Stand-in: the replica includes custom_begin_mail directly.\nexit 0\n", mode: 0o755)
        case .directAdmin442, .directAdmin4543, .directAdmin4557:
            t.directory("/usr/local/directadmin/scripts")
            t.file("/usr/local/directadmin/conf/directadmin.conf", "servername=\(r.hostname)\n")
            t.file("/usr/local/directadmin/data/admin/ip.list", "\(EximReplica.localIP)\n")
            t.file("/etc/virtual/domains", domains)
            t.file("/etc/virtual/domainowners", "example.com: bob\n")
            t.file("/etc/virtual/whitelist_hosts_ip", "", mode: 0o600)
            t.file("/etc/virtual/whitelist_hosts", "")
            t.file("/etc/virtual/pophosts", "")
            t.file("/var/log/exim/mainlog", "")
        case .eximWiki, .hestia:
            t.file("/etc/mailname", "\(r.hostname)\n")
            t.file("/etc/localdomains", domains)
            t.file("/var/log/exim4/mainlog", "")
        }
        return t
    }
}
