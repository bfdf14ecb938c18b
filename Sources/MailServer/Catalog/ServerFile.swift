/// One thing helofix reads on a server, and how much of it: the readers take their paths from
/// these values, so the list `helofix files` prints (and the Ansible playbook collects) is the
/// readers' own.
public struct ServerFile: Sendable, Hashable {
    /// How much of the path is read.
    public enum Use: String, Sendable, Hashable, CaseIterable {
        /// The file's bytes.
        case content
        /// Only whether something exists there (platform detection, `custom_mailhelo`).
        case presence
        /// Only the names in the directory that end with ``ServerFile/suffix`` (one per domain,
        /// `/etc/valiases/*`); their contents are never read.
        case names
        /// Only the names of the subdirectories (DirectAdmin's `/etc/virtual/DOMAIN/`).
        case subdirectories
        /// The bytes of every file in the directory (`/var/cpanel/users/*`).
        case directory
    }

    /// Server path (`/etc/localdomains`, or the directory for the per-entry uses).
    public let path: String
    /// How much of it is read.
    public let use: Use
    /// For ``Use/names``: the name ending that counts (`.db` for zones); empty for any name.
    public let suffix: String
    /// Why helofix reads it, in a few words.
    public let why: String

    /// Creates an entry.
    public init(_ path: String, _ use: Use = .content, suffix: String = "", why: String) {
        self.path = path
        self.use = use
        self.suffix = suffix
        self.why = why
    }

    /// The path as a shell glob: `/etc/valiases/*`, `/var/named/*.db`, `/etc/virtual/*/`.
    public var pattern: String {
        switch use {
        case .content, .presence: path
        case .names, .directory: "\(path)/*\(suffix)"
        case .subdirectories: "\(path)/*/"
        }
    }

    /// Whether `serverPath` is this entry or, for the per-entry uses, one of its direct entries.
    public func covers(_ serverPath: String) -> Bool {
        if serverPath == path { return true }
        switch use {
        case .content, .presence: return false
        case .names, .directory, .subdirectories:
            guard serverPath.hasPrefix(path + "/") else { return false }
            let name = serverPath.dropFirst(path.count + 1)
            return !name.isEmpty && !name.contains("/") && name.hasSuffix(suffix)
        }
    }
}
