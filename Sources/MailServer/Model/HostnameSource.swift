
/// One file's claim about the hostname.
public struct HostnameSource: Codable, Sendable, Hashable {
    /// The file and line.
    public var location: SourceLocation
    /// The value it gives (lower case).
    public var value: String

    /// Creates a source.
    public init(location: SourceLocation, value: String) {
        self.location = location
        self.value = value
    }
}
