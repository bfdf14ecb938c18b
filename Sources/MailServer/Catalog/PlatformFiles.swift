/// Paths that tell the platform apart (read before anything else, on every server).
struct DetectionFiles: ServerFileGroup {
    let cpanel = ServerFile("/usr/local/cpanel", .presence, why: "marks a cPanel/WHM server")
    let directAdmin = ServerFile("/usr/local/directadmin", .presence, why: "marks a DirectAdmin server")
    let eximDirectory = ServerFile("/etc/exim4", .presence, why: "marks a plain (Debian) Exim server")
    let eximConf = ServerFile("/etc/exim.conf", .presence, why: "marks an Exim server")
    let eximBinary = ServerFile("/usr/sbin/exim4", .presence, why: "marks a plain (Debian) Exim server")
    let localdomains = ServerFile("/etc/localdomains", .presence, why: "a mail server of an unknown platform")
    let virtualDomains = ServerFile("/etc/virtual/domains", .presence, why: "a mail server of an unknown platform")
}

/// Files every platform's reader looks at.
struct SharedFiles: ServerFileGroup {
    let hostname = ServerFile("/etc/hostname", why: "the hostname Exim greets with and checks against")
}

/// BIND zones and configuration: per-domain traces a migration leaves behind.
struct ZoneFiles: ServerFileGroup {
    let varNamed = ServerFile("/var/named", .names, suffix: ".db", why: "a local zone per domain (names only)")
    let namedConf = ServerFile("/etc/named.conf", why: "zone stanzas per domain")
}

/// Debian's BIND layout, used on DirectAdmin servers installed on Debian.
struct DebianZoneFiles: ServerFileGroup {
    let etcBind = ServerFile("/etc/bind", .names, suffix: ".db", why: "a local zone per domain on Debian (names only)")
    let bindNamedConf = ServerFile("/etc/bind/named.conf", why: "zone stanzas per domain on Debian")
}

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

/// Plain Exim such as Debian's exim4.
struct EximFiles: ServerFileGroup {
    let mailname = ServerFile("/etc/mailname", why: "the name the server gives itself in mail")
    let updateConf = ServerFile("/etc/exim4/update-exim4.conf.conf", why: "local domains (dc_other_hostnames)")
    let localdomains = ServerFile("/etc/localdomains", why: "local domains of a custom configuration")
}

/// A root with mail files but no recognisable platform.
struct UnknownPlatformFiles: ServerFileGroup {
    let localdomains = ServerFile("/etc/localdomains", why: "local domains")
    let virtualDomains = ServerFile("/etc/virtual/domains", why: "local domains")
}
