import MailServer

/// Which mail logs an analysis reads.
public enum LogSelection: Sendable, Hashable {
    /// The platform's own main log and its rotations (`.1`, `.gz`), under the root.
    case platformDefaults
    /// These files, as given (`--log FILE`).
    case files([LogFile])
    /// No logs: the server's files only.
    case none

    /// The files to read for a server whose platform is `platform` (`nil`: not detected).
    public func files(root: ServerRoot, platform: Platform?) -> [LogFile] {
        switch self {
        case .platformDefaults: platform.map { LogFile.defaults(root: root, platform: $0) } ?? []
        case .files(let given): given
        case .none: []
        }
    }
}
