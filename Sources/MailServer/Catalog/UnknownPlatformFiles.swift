/// A root with mail files but no recognisable platform.
struct UnknownPlatformFiles: ServerFileGroup {
    let localdomains = ServerFile("/etc/localdomains", why: "local domains")
    let virtualDomains = ServerFile("/etc/virtual/domains", why: "local domains")
}
