/// Debian's BIND layout, used on DirectAdmin servers installed on Debian.
struct DebianZoneFiles: ServerFileGroup {
    let etcBind = ServerFile("/etc/bind", .names, suffix: ".db", why: "a local zone per domain on Debian (names only)")
    let bindNamedConf = ServerFile("/etc/bind/named.conf", why: "zone stanzas per domain on Debian")
}
