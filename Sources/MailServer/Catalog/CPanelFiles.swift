/// cPanel/WHM.
struct CPanelFiles: ServerFileGroup {
    let wwwacct = ServerFile("/etc/wwwacct.conf", why: "the hostname WHM knows (HOST)")
    let mainIP = ServerFile("/var/cpanel/mainip", why: "the main IP")
    let ips = ServerFile("/etc/ips", why: "the additional IPs")
    let localdomains = ServerFile("/etc/localdomains", why: "domains whose mail is delivered here")
    let remotedomains = ServerFile("/etc/remotedomains", why: "domains whose MX is elsewhere")
    let secondaryMX = ServerFile("/etc/secondarymx", why: "backup-MX domains")
    let userdomains = ServerFile("/etc/userdomains", why: "domain owners (cache)")
    let users = ServerFile("/var/cpanel/users", .directory, why: "domain owners (source of truth, DNS= lines)")
    let mailhelo = ServerFile("/etc/mailhelo", why: "outgoing greeting per sender domain")
    let mailips = ServerFile("/etc/mailips", why: "outgoing IP per sender domain")
    let customMailhelo = ServerFile("/var/cpanel/custom_mailhelo", .presence, why: "mailhelo is kept across updates")
    let customMailips = ServerFile("/var/cpanel/custom_mailips", .presence, why: "mailips is kept across updates")
    let whitelists = WhitelistCatalog.cpanel.map { ServerFile($0.file, why: "host list \($0.list)") }
    let customBeginMail = ServerFile(WhitelistCatalog.cpanelCustomBeginMail, why: "the ACL slot that runs before the HELO checks")
    let localopts = ServerFile("/etc/exim.conf.localopts", why: "which HELO checks are on")
    let valiases = ServerFile("/etc/valiases", .names, why: "alias file per domain (names only)")
    let vdomainaliases = ServerFile("/etc/vdomainaliases", .names, why: "domain-alias file per domain (names only)")
    let vfilters = ServerFile("/etc/vfilters", .names, why: "filter file per domain (names only)")
    let zones = ZoneFiles().all
}
