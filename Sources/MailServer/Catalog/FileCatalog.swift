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
