/// Files every platform's reader looks at.
struct SharedFiles: ServerFileGroup {
    let hostname = ServerFile("/etc/hostname", why: "the hostname Exim greets with and checks against")
}
