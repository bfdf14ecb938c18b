import Foundation

/// A minimal Exim configuration that reproduces one platform's HELO-related ACL conditions
/// expression for expression, written into a test root so real `exim4 -C FILE -bh IP` is the oracle
/// for what that platform refuses and what exempts a sender.
///
/// Every server path in the configuration is prefixed with the root, so the lists Exim reads are
/// the tree's own files: a helofix edit of the tree changes what Exim decides, as on the server.
/// `local_interfaces` names the test's interface address so that `@[]` ("any address of this
/// host") holds it on every machine, as it holds the address a client connected to on a server.
public struct EximReplica: Sendable {
    /// The platforms and versions reproduced.
    public enum Platform: String, Sendable, CaseIterable, CustomStringConvertible {
        case cpanel = "cpanel-11.120"
        case directAdmin442 = "directadmin-4.4.2"
        case directAdmin4543 = "directadmin-4.5.43"
        case directAdmin4557 = "directadmin-4.5.57"
        case eximWiki = "exim-wiki"
        case hestia = "hestiacp"

        public var description: String { rawValue }

        /// The DirectAdmin SpamBlocker versions.
        public static let directAdmin: [Platform] = [.directAdmin442, .directAdmin4543, .directAdmin4557]

        /// Where the platform keeps its Exim configuration (the server path helofix reads).
        public var configPath: String {
            switch self {
            case .cpanel, .directAdmin442, .directAdmin4543, .directAdmin4557: "/etc/exim.conf"
            case .eximWiki, .hestia: "/etc/exim4/exim4.conf"
            }
        }
    }

    /// The address the client connects to (`$interface_address`, `-oMi`).
    public static let localIP = "192.0.2.2"

    /// Which platform.
    public var platform: Platform
    /// The receiver's primary hostname.
    public var hostname: String
    /// cPanel `acl_requirehelonold` ("Require remote (domain) HELO", off by default).
    public var requireHeloNoLD = false
    /// cPanel `acl_custom_begin_mail` (on unless "Reset configuration" turned it off).
    public var customBeginMail = true
    /// DirectAdmin 4.5 `hostlist relay_hosts=` value from exim.variables.conf (empty by default).
    public var relayHosts = ""

    /// Creates a replica.
    public init(_ platform: Platform, hostname: String = "server.host.tld") {
        self.platform = platform
        self.hostname = hostname
    }

    /// Writes the configuration (and the files it includes) under `root`, readable by Exim's user;
    /// with `-C` Exim drops to that user, so the directories on the way must be traversable too.
    public func install(in root: String) throws {
        // The lists the ACL reads must exist: a missing one makes the lookup defer (451), not match nothing.
        for list in requiredLists where !FileManager.default.fileExists(atPath: root + list) {
            try FileManager.default.createDirectory(atPath: ((root + list) as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            try Data().write(to: URL(fileURLWithPath: root + list))
        }
        for (path, text) in files(root: root) {
            let host = root + path
            try FileManager.default.createDirectory(atPath: (host as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            try Data(text.utf8).write(to: URL(fileURLWithPath: host))
            chmod(host, 0o644)
        }
        EximReplica.makeReadable(root)
    }

    /// The lists the replica's ACL reads.
    public var requiredLists: [String] {
        switch platform {
        case .cpanel: ["/etc/localdomains", "/etc/recent_authed_mail_ips", "/etc/backupmxhosts", "/etc/skipsmtpcheckhosts", "/etc/trustedmailhosts"]
        case .directAdmin442: ["/etc/virtual/domains", "/etc/virtual/whitelist_hosts", "/etc/virtual/whitelist_hosts_ip", "/etc/virtual/pophosts"]
        case .directAdmin4543, .directAdmin4557: ["/etc/virtual/domains", "/etc/virtual/whitelist_hosts", "/etc/virtual/whitelist_hosts_ip"]
        case .eximWiki, .hestia: ["/etc/localdomains"]
        }
    }

    /// The files of this replica: server path → text.
    public func files(root r: String) -> [(String, String)] {
        switch platform {
        case .cpanel: CPanelReplica.files(self, root: r)
        case .directAdmin442, .directAdmin4543, .directAdmin4557: DirectAdminReplica.files(self, root: r)
        case .eximWiki: [(platform.configPath, EximWikiReplica.config(self, root: r))]
        case .hestia: [(platform.configPath, HestiaReplica.config(self, root: r))]
        }
    }

    /// Opens every directory under `root` to traversal and every file to reading (Exim runs as
    /// Debian-exim with `-C`; cPanel's own lists are `root:mail 0640`, which its Exim can read).
    public static func makeReadable(_ root: String) {
        chmod(root, 0o755)
        guard let walker = FileManager.default.enumerator(atPath: root) else { return }
        while let relative = walker.nextObject() as? String {
            let path = root + "/" + relative
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                chmod(path, (st.st_mode & 0o7777) | 0o755)
            } else if (st.st_mode & S_IFMT) == S_IFREG {
                chmod(path, (st.st_mode & 0o7777) | 0o444)
            }
        }
    }
}
