/// Everything helofix reads on a server of each platform, taken from the readers' own file groups:
/// `helofix files` prints it and the Ansible playbook collects exactly this.
public enum FileCatalog {
    /// The files read on `platform`, detection first, each path once.
    public static func files(for platform: Platform) -> [ServerFile] {
        let groups: [any ServerFileGroup] = switch platform {
        case .cpanel: [DetectionFiles(), SharedFiles(), CPanelFiles()]
        case .directadmin: [DetectionFiles(), SharedFiles(), DirectAdminFiles()]
        case .exim: [DetectionFiles(), SharedFiles(), EximFiles()]
        case .unknown: [DetectionFiles(), SharedFiles(), UnknownPlatformFiles()]
        }
        var files: [ServerFile] = []
        for file in groups.flatMap(\.all) {
            // Detection only asks whether a path exists; a reader that also reads it wins.
            if let i = files.firstIndex(where: { $0.path == file.path }) {
                if files[i].use == .presence, file.use != .presence { files[i] = file }
                continue
            }
            files.append(file)
        }
        return files
    }

    /// The platform's mail log, its rotations and the markers of impersonation lines.
    public static func log(for platform: Platform) -> MailLogSpec? {
        platform.defaultMainLog.map(MailLogSpec.init(path:))
    }

    /// Lock files are looked for next to every file read (`<file>.lock`); they are not part of
    /// the list because the PID in them means nothing away from the server.
    public static let lockSuffix = ".lock"
}

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
