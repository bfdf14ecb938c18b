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
