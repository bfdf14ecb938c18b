/// Tells the hosting platform from the files under a root (docs/files.md, "Platform detection").
public enum PlatformDetector {
    /// The platform, or `nil` when nothing there is a mail server.
    public static func detect(_ root: ServerRoot) -> Platform? {
        if root.isDirectory("/usr/local/cpanel") { return .cpanel }
        if root.isDirectory("/usr/local/directadmin") { return .directadmin }
        if root.exists("/etc/exim4") || root.exists("/etc/exim.conf") || root.exists("/usr/sbin/exim4") { return .exim }
        if root.exists("/etc/localdomains") || root.exists("/etc/virtual/domains") { return .unknown }
        return nil
    }
}
