/// A place in a file on the server: the absolute path as the server sees it and a 1-based line.
public struct SourceLocation: Codable, Sendable, Hashable, CustomStringConvertible {
    /// Absolute path as seen on the server (without the `--root` prefix), e.g. `/etc/localdomains`.
    public var file: String
    /// 1-based line number, or `nil` when the whole file is meant.
    public var line: Int?

    /// Creates a location.
    public init(file: String, line: Int? = nil) {
        self.file = file
        self.line = line
    }

    /// `file:line`, or just `file`.
    public var description: String { line.map { "\(file):\($0)" } ?? file }
}
