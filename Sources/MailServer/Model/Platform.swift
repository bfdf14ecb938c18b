/// The hosting platform a server runs, which decides the files, rules and whitelists that apply.
public enum Platform: String, Codable, Sendable, CaseIterable {
    /// cPanel/WHM: `/usr/local/cpanel`, `/etc/localdomains`, HELO checks at MAIL FROM.
    case cpanel
    /// DirectAdmin with CustomBuild's SpamBlocker exim.conf: `/etc/virtual/domains`, checks at HELO.
    case directadmin
    /// Plain Exim (e.g. Debian's exim4) without a hosting panel.
    case exim
    /// Mail files are present but no platform could be told apart.
    case unknown

    /// The platform's name as an admin would say it.
    public var displayName: String {
        switch self {
        case .cpanel: "cPanel/WHM"
        case .directadmin: "DirectAdmin"
        case .exim: "Exim"
        case .unknown: "unknown platform"
        }
    }

    /// The main log the platform's Exim writes, relative to the server root.
    public var defaultMainLog: String? {
        switch self {
        case .cpanel: "/var/log/exim_mainlog"
        case .directadmin: "/var/log/exim/mainlog"
        case .exim: "/var/log/exim4/mainlog"
        case .unknown: nil
        }
    }
}
