/// Plain Exim such as Debian's exim4.
struct EximFiles: ServerFileGroup {
    let mailname = ServerFile("/etc/mailname", why: "the name the server gives itself in mail")
    let updateConf = ServerFile("/etc/exim4/update-exim4.conf.conf", why: "local domains (dc_other_hostnames)")
    let localdomains = ServerFile("/etc/localdomains", why: "local domains of a custom configuration")
}
