/// One log file to scan.
public struct LogFile: Sendable, Hashable {
    /// The path as shown to the admin (a server path such as `/var/log/exim_mainlog`, or the `--log` argument).
    public var displayPath: String
    /// The path to open on this machine.
    public var hostPath: String
    /// gzip-compressed (a rotated `.gz`): read through `gzip -dc`.
    public var compressed: Bool

    /// Creates a log file entry; `compressed` defaults to whether the name ends in `.gz`.
    public init(displayPath: String, hostPath: String, compressed: Bool? = nil) {
        self.displayPath = displayPath
        self.hostPath = hostPath
        self.compressed = compressed ?? hostPath.hasSuffix(".gz")
    }

    /// A file named on the command line (`--log FILE`), read as given, not under the root.
    public init(argument: String) {
        self.init(displayPath: argument, hostPath: argument)
    }

    /// The platform's main log under `root` with its rotated copies (`mainlog.1`, `mainlog.2.gz`,
    /// `exim_mainlog-20241101.gz`), oldest first so groups see first and last times in order.
    public static func defaults(root: ServerRoot, platform: Platform) -> [LogFile] {
        guard let main = platform.defaultMainLog else { return [] }
        let dir = String(main[..<main.lastIndex(of: "/")!])
        let base = String(main[main.index(after: main.lastIndex(of: "/")!)...])
        var rotated: [(age: Int, name: String)] = []
        for name in root.list(dir.isEmpty ? "/" : dir) ?? [] where name.hasPrefix(base) && name != base {
            if let age = rotationAge(String(name.dropFirst(base.count))) { rotated.append((age, name)) }
        }
        var files = rotated.sorted { $0.age > $1.age }.map { r in
            LogFile(displayPath: "\(dir)/\(r.name)", hostPath: root.hostPath("\(dir)/\(r.name)"))
        }
        if root.exists(main) { files.append(LogFile(displayPath: main, hostPath: root.hostPath(main))) }
        return files
    }

    /// How old a rotated copy is from its suffix: `.N[.gz]` (logrotate numbering) or `-YYYYMMDD[.gz]`
    /// (logrotate `dateext`, as cPanel uses); larger is older. `nil` for anything else.
    static func rotationAge(_ suffix: String) -> Int? {
        var s = Substring(suffix)
        if s.hasSuffix(".gz") { s = s.dropLast(3) }
        if s.hasPrefix("."), let n = Int(s.dropFirst()), n >= 0 { return n }
        if s.hasPrefix("-"), s.count == 9, let date = Int(s.dropFirst()) { return 100_000_000 - date }
        return nil
    }
}
