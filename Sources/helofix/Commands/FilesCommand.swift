import ArgumentParser
import Foundation
import MailServer

/// `helofix files`: what helofix reads on each platform, from the readers' own file groups, so a
/// collector (the Ansible playbook in contrib/ansible) fetches exactly that and nothing else.
struct FilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "files",
        abstract: "List the files helofix reads and the mail-log lines it uses, per platform (for collectors such as contrib/ansible).",
        discussion: """
            Uses: content (the file is read), presence (only whether it exists), names (only the names of the \
            entries in the directory, never their contents), subdirectories (only the names of its directories), \
            directory (every file in it is read). Log lines are those that contain one of the markers, in the \
            log and its rotated copies. Lock files (FILE.lock) are looked for beside every file read on the \
            server itself and are not listed. See docs/fleet.md.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }
    enum PlatformChoice: String, ExpressibleByArgument, CaseIterable {
        case cpanel, directadmin, exim
        var platform: Platform {
            switch self {
            case .cpanel: .cpanel
            case .directadmin: .directadmin
            case .exim: .exim
            }
        }
    }

    @Option(help: "Only this platform (default: all three).")
    var platform: PlatformChoice?
    @Option(help: "Output format: text (for people) or json (for collectors; see docs/fleet.md).")
    var format: Format = .text

    func run() throws {
        let platforms = platform.map { [$0.platform] } ?? [.cpanel, .directadmin, .exim]
        switch format {
        case .json:
            var writer = JSONWriter(fd: 1)
            FilesJSON.write(platforms, to: &writer)
            FileHandle.standardOutput.write(Data("\n".utf8))
        case .text:
            FileHandle.standardOutput.write(Data(platforms.map(text).joined(separator: "\n").utf8))
        }
    }

    private func text(_ platform: Platform) -> String {
        var out = "\(platform.displayName) (--platform \(platform.rawValue))\n"
        let files = FileCatalog.files(for: platform)
        let width = min(64, files.map(\.pattern.count).max() ?? 0)
        for file in files {
            out += "  " + TextTable.cell(file.pattern, width) + "  " + TextTable.cell(file.use.rawValue, 14) + " " + file.why + "\n"
        }
        if let log = FileCatalog.log(for: platform) {
            out += "  log \(log.path) (and \(log.rotations.joined(separator: ", ")), .gz read compressed)\n"
            out += "      only lines containing: " + log.markers.map { "\"\($0)\"" }.joined(separator: " or ") + "\n"
        }
        return out
    }
}
