/// A mail log and the lines of it helofix uses.
public struct MailLogSpec: Sendable, Hashable {
    /// Server path of the current log.
    public let path: String

    /// Creates the spec for a main log.
    public init(path: String) { self.path = path }

    /// Shell globs of its rotated copies (`exim_mainlog.1`, `.2.gz`, `exim_mainlog-20241101.gz`);
    /// ``LogFile/rotationAge(_:)`` decides which names really are rotations.
    public var rotations: [String] { [path + ".*", path + "-*"] }

    /// Fixed strings of which one is in every line the log scanner reports on.
    public var markers: [String] { RejectionMessage.markers }

    /// Whether `serverPath` is this log or one of its rotated copies.
    public func covers(_ serverPath: String) -> Bool {
        if serverPath == path { return true }
        guard serverPath.hasPrefix(path) else { return false }
        return LogFile.rotationAge(String(serverPath.dropFirst(path.count))) != nil
    }
}
