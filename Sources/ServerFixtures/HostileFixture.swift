extension Fixtures {
    /// A cPanel tree with every kind of bad input the reader must survive (issue: Foundation, item 2).
    /// Each problem sits in a known file and line so tests can check the diagnostics.
    public static var hostile: ServerTree {
        let host = "bad.hostco.example"
        var t = cpanelBase(hostname: host)
        // leading white space (invisible), duplicate key, CRLF, non-UTF-8, no final newline
        t.bytes("/etc/localdomains", Array("\(host)\r\n  hidden.example.com\r\ndup.example.com\r\nDUP.example.com\r\n".utf8)
                + [0x63, 0x61, 0x66, 0xE9, 0x2E, 0x65, 0x78, 0x61, 0x6D, 0x70, 0x6C, 0x65, 0x0A] // "café.example" in Latin-1
                + Array("last.example.com".utf8))
        // unquoted IPv6, quoted IPv6, unparsable address, too-wide range, binary garbage, huge line
        t.bytes("/etc/skipsmtpcheckhosts", Array("2001:db8::25\n\"2001:db8:1::/48\"\n300.1.2.3\n10.0.0.0/8\n".utf8)
                + [0x00, 0xFF, 0x01, 0x02, 0x0A]
                + Array((String(repeating: "9", count: 5000) + "\n").utf8))
        t.file("/etc/alwaysrelay", "203.0.113.0/33\n0.0.0.0/0\n   198.51.100.99\n")
        t.file("/etc/mailhelo", "*: \n\"unterminated: x\nshop.example.com: bad name!\n")
        t.file("/etc/exim.conf.localopts", "acl_requirehelonoforge=yes\nacl_requirehelonold\n")
        t.file("/etc/userdomains", "dup.example.com: zed\n")
        t.symlink("/etc/trustedmailhosts", to: "trustedmailhosts")
        t.directory("/etc/secondarymx")
        t.file("/etc/remotedomains.lock", "999999\n/usr/local/cpanel/bin/whatever\n")
        t.file("/etc/remotedomains", "remote.example.com\n")
        t.bytes("/etc/backupmxhosts", (0..<600).map { UInt8(($0 * 37 + 11) % 256) })
        t.file("/var/log/exim_mainlog", "garbage \u{1}\u{2} line\n")
        return t
    }

    /// Every fixture by name.
    public static var all: [String: ServerTree] {
        ["migrated-cpanel": migratedCPanel, "hostname-collision": hostnameCollision, "directadmin": directAdmin,
         "clean": clean, "hostile": hostile]
    }
}
