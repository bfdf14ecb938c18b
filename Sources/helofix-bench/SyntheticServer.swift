import Foundation

/// A cPanel server with N hosted domains (10 per account), written straight to disk: accounts in
/// /var/cpanel/users, the domain lists, mailhelo, an alias file and a zone per domain, plus a few
/// migration leftovers and a whitelisted sender so the rules have something to find.
struct SyntheticServer {
    static let hostname = "server1.hostco.example"
    /// Local domains no account owns (migration leftovers).
    static let orphans = 100
    /// Domains with only alias files and zones left.
    static let stale = 50
    /// The sender that keeps being refused although it is in skipsmtpcheckhosts.
    static let whitelistedSender = "198.51.100.7"

    let root: String
    let domains: Int

    static func domain(_ i: Int) -> String { "shop\(i).example" }
    static func orphan(_ i: Int) -> String { "old\(i).example" }

    func write() throws {
        let fm = FileManager.default
        for dir in ["/usr/local/cpanel/bin", "/etc/valiases", "/var/named", "/var/cpanel/users", "/var/log"] {
            try fm.createDirectory(atPath: root + dir, withIntermediateDirectories: true)
        }
        try ByteWriter.file(root + "/etc/hostname", Self.hostname + "\n")
        try ByteWriter.file(root + "/etc/wwwacct.conf", "HOST \(Self.hostname)\nADDR 192.0.2.10\n")
        try ByteWriter.file(root + "/var/cpanel/mainip", "192.0.2.10")
        try ByteWriter.file(root + "/etc/exim.conf.localopts", "acl_requirehelonoforge=1\nacl_requirehelonold=1\n")
        try ByteWriter.file(root + "/etc/skipsmtpcheckhosts", Self.whitelistedSender + "\n")
        try ByteWriter.file(root + "/var/cpanel/custom_mailhelo", "")
        try writeAccounts()
        try writeLists()
        try writePerDomainFiles()
    }

    private func writeAccounts() throws {
        var user = try ByteWriter(path: root + "/etc/userdomains")
        var i = 0
        while i < domains {
            let name = "user\(i / 10)"
            var text = "USER=\(name)\nPLAN=default\n"
            for k in 0..<min(10, domains - i) {
                text += k == 0 ? "DNS=\(Self.domain(i + k))\n" : "DNS\(k)=\(Self.domain(i + k))\n"
                user.text("\(Self.domain(i + k)): \(name)\n")
            }
            try ByteWriter.file(root + "/var/cpanel/users/\(name)", text)
            i += 10
        }
        user.text("*: nobody\n")
        try user.close()
    }

    private func writeLists() throws {
        var local = try ByteWriter(path: root + "/etc/localdomains")
        local.text(Self.hostname + "\n")
        for i in 0..<domains { local.text(Self.domain(i) + "\n") }
        for i in 0..<Self.orphans { local.text(Self.orphan(i) + "\n") }
        try local.close()
        var helo = try ByteWriter(path: root + "/etc/mailhelo")
        for i in stride(from: 0, to: domains, by: 100) { helo.text("\(Self.domain(i)): mail.\(Self.domain(i))\n") }
        helo.text("*: \(Self.hostname)\n")
        try helo.close()
        try ByteWriter.file(root + "/etc/remotedomains", "")
    }

    private func writePerDomainFiles() throws {
        var named = try ByteWriter(path: root + "/etc/named.conf")
        let all = (0..<domains).map(Self.domain) + (0..<Self.stale).map { "gone\($0).example" }
        for d in all {
            try ByteWriter.file(root + "/etc/valiases/\(d)", "*: :fail: No Such User Here\n")
            try ByteWriter.file(root + "/var/named/\(d).db", "$TTL 14400\n\(d).\tIN\tSOA\tns1.hostco.example. hostmaster.\(d). ( 1 3600 1800 1209600 86400 )\n\(d).\tIN\tMX\t0\t\(d).\n")
            named.text("zone \"\(d)\" {\n\ttype master;\n\tfile \"/var/named/\(d).db\";\n};\n")
            try named.flushIfLarge()
        }
        try named.close()
    }
}
