/// Why a server tree cannot be read at all. Each message names the path and what to do.
public enum SnapshotError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The root does not exist.
    case noSuchRoot(String)
    /// The root is not a directory.
    case rootNotDirectory(String)
    /// The root cannot be listed (permissions).
    case unreadableRoot(String)
    /// Nothing in the root looks like a mail server.
    case notAMailServer(String)

    public var description: String {
        switch self {
        case .noSuchRoot(let p):
            "no such directory: \(p); pass --root with the directory that holds the server's etc/ (or omit it on the server itself)"
        case .rootNotDirectory(let p):
            "\(p) is not a directory; --root takes the directory that is read as the server's /"
        case .unreadableRoot(let p):
            "cannot read \(p): permission denied; run helofix as root (sudo helofix …)"
        case .notAMailServer(let p):
            "\(p) is not a mail server: none of /usr/local/cpanel, /usr/local/directadmin, /etc/exim4, /etc/exim.conf or /etc/localdomains is there; run helofix on the Exim server or pass --root"
        }
    }
}
