/// BIND zones and configuration: per-domain traces a migration leaves behind.
struct ZoneFiles: ServerFileGroup {
    let varNamed = ServerFile("/var/named", .names, suffix: ".db", why: "a local zone per domain (names only)")
    let namedConf = ServerFile("/etc/named.conf", why: "zone stanzas per domain")
}
