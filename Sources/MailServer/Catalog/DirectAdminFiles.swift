/// DirectAdmin with CustomBuild's SpamBlocker exim.conf.
struct DirectAdminFiles: ServerFileGroup {
    let conf = ServerFile("/usr/local/directadmin/conf/directadmin.conf", why: "the hostname DirectAdmin knows (servername)")
    let ipList = ServerFile("/usr/local/directadmin/data/admin/ip.list", why: "the server's IPs")
    let domains = ServerFile("/etc/virtual/domains", why: "domains whose mail is delivered here")
    let domainowners = ServerFile("/etc/virtual/domainowners", why: "domain owners")
    let heloData = ServerFile("/etc/virtual/helo_data", why: "outgoing greeting per IP")
    let domainips = ServerFile("/etc/virtual/domainips", why: "outgoing IP per domain")
    let eximConf = ServerFile("/etc/exim.conf", why: "which impersonation rules and whitelist accept are installed")
    let whitelists = WhitelistCatalog.directAdmin(whitelistAccept: nil).map { ServerFile($0.file, why: "host list \($0.list)") }
    let domainDirectories = ServerFile("/etc/virtual", .subdirectories, why: "a directory per domain (names only)")
    let zones = ZoneFiles().all
    let debianZones = DebianZoneFiles().all
}
