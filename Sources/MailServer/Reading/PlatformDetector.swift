/// Tells the hosting platform from the files under a root (docs/files.md, "Platform detection").
public enum PlatformDetector {
    /// The platform, or `nil` when nothing there is a mail server.
    public static func detect(_ root: ServerRoot) -> Platform? {
        let f = DetectionFiles()
        if root.isDirectory(f.cpanel.path) { return .cpanel }
        if root.isDirectory(f.directAdmin.path) { return .directadmin }
        if root.exists(f.eximDirectory.path) || root.exists(f.eximConf.path) || root.exists(f.eximBinary.path) { return .exim }
        if root.exists(f.localdomains.path) || root.exists(f.virtualDomains.path) { return .unknown }
        return nil
    }
}
