/// Whether the snapshot saw every file it needed. A file that exists but could not be read (a
/// non-root user and cPanel's `root:mail 0640` lists) leaves the snapshot incomplete: its domains,
/// settings and whitelist entries are simply absent, so nothing may be concluded from their absence.
extension ServerSnapshot {
    /// Server paths of the files that exist but could not be read, sorted, each once.
    public var unreadableFiles: [String] {
        Array(Set(diagnostics.filter { $0.problem == .unreadable }.map(\.location.file))).sorted()
    }

    /// True when every file that exists was read.
    public var isComplete: Bool { !diagnostics.contains { $0.problem == .unreadable } }

    /// `incomplete: cannot read 3 files (run as root): /etc/localdomains, …`, or `nil` when complete.
    public var incompleteSummary: String? {
        let files = unreadableFiles
        guard !files.isEmpty else { return nil }
        let shown = files.prefix(3).joined(separator: ", ") + (files.count > 3 ? ", …" : "")
        return "incomplete: cannot read \(files.count) file\(files.count == 1 ? "" : "s") (run as root): \(shown)"
    }
}
