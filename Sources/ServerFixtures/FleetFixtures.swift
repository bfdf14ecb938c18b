extension Fixtures {
    /// The new home of shop.example.com after the migration in ``migratedCPanel``: an account owns
    /// it here, and this server (203.0.113.10) greets as shop.example.com, which the old server
    /// still lists as local and so refuses.
    public static var migrationTarget: ServerTree {
        let host = "server2.hostco.example"
        var t = cpanelBase(hostname: host, mainIP: "203.0.113.10")
        t.file("/etc/ips", "")
        let frank = addAccount(&t, user: "frank", domains: ["shop.example.com"])
        t.file("/etc/localdomains", "\(host)\nshop.example.com\n", mode: 0o640)
        t.file("/etc/userdomains", frank.userdomains + "*: nobody\n", mode: 0o640)
        t.file("/etc/trueuserdomains", "shop.example.com: frank\n", mode: 0o640)
        t.file("/etc/mailhelo", "shop.example.com: shop.example.com\n*: \(host)\n", mode: 0o640)
        t.file("/var/cpanel/custom_mailhelo", "")
        t.file("/etc/named.conf", frank.zones)
        t.file("/var/log/exim_mainlog", MailLogs.delivery(time: "2026-11-25 09:30:00", id: "1tQxyz-000BBB-02", from: "news@example.net",
                                                          to: "orders@shop.example.com", ip: "192.0.2.200"), mode: 0o640)
        return t
    }

    /// Three servers of one hosting company: `old` still lists the migrated shop.example.com,
    /// `new` hosts it now, `other` (DirectAdmin) shares nothing with them.
    public static var fleet: [(name: String, tree: ServerTree)] {
        [("old", migratedCPanel), ("new", migrationTarget), ("other", directAdmin)]
    }
}
