/// Exim main-log text in the formats real servers write, for fixtures and the demo.
public enum MailLogs {
    /// A cPanel receiver rejection at MAIL FROM, followed by the DROP line, as cPanel's Exim logs it.
    public static func cpanelRejection(time: String, helo: String, ip: String, port: Int, sender: String) -> String {
        let host = ip.contains(":") ? "[\(ip)]:\(port)" : "[\(ip)]:\(port)"
        return "\(time) H=(\(helo)) \(host) rejected MAIL <\(sender)>: \"REJECTED - Bad HELO - Host impersonating [\(helo)]\"\n"
            + "\(time) SMTP connection from (\(helo)) \(host) closed by DROP in ACL\n"
    }

    /// Ordinary delivery traffic, so the rejections sit among real-looking lines.
    public static func delivery(time: String, id: String, from: String, to: String, ip: String) -> String {
        "\(time) \(id) <= \(from) H=mail.example.net [\(ip)]:40112 P=esmtps X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no S=4211 id=\(id)@example.net T=\"Invoice\"\n"
            + "\(time) \(id) => \(to) R=virtual_user T=dovecot_virtual_delivery C=\"250 2.0.0 <\(to)> saved\"\n"
            + "\(time) \(id) Completed\n"
    }

    /// The demo's log: the migrated shop keeps being refused; a cloned web VPS uses our hostname.
    public static func migratedCPanel(hostname: String) -> String {
        var log = ""
        for day in 1...3 {
            for hour in [8, 11, 14, 17] {
                let t = "2026-11-2\(day) \(hour < 10 ? "0" : "")\(hour):0\(day):1\(day)"
                log += delivery(time: t, id: "1tQ\(day)\(hour)a-000Ab\(day)-\(hour)", from: "news@example.net", to: "alice@alice.example.org", ip: "192.0.2.200")
                log += cpanelRejection(time: t, helo: "shop.example.com", ip: "203.0.113.10", port: 51_000 + hour, sender: "orders@shop.example.com")
                if hour != 8 {
                    log += cpanelRejection(time: t, helo: hostname, ip: "198.51.100.7", port: 42_000 + hour, sender: "wordpress@alice.example.org")
                }
            }
        }
        return log
    }

    /// The hostname-collision server's log: the web VPS greets as example.com and is refused.
    public static func hostnameCollision(hostname: String) -> String {
        var log = ""
        for hour in 10...12 {
            let t = "2026-11-25 \(hour):15:00"
            log += cpanelRejection(time: t, helo: hostname, ip: "198.51.100.20", port: 33_000 + hour, sender: "shop@\(hostname)")
        }
        return log
    }

    /// A log with only deliveries.
    public static func quiet() -> String {
        delivery(time: "2026-11-25 09:00:00", id: "1tQabc-000AAA-01", from: "news@example.net", to: "dave@dave.example.org", ip: "192.0.2.200")
    }
}
