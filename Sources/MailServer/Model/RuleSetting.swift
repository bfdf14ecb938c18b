
/// Whether one HELO rule is active, and what said so.
public struct RuleSetting: Codable, Sendable, Hashable {
    /// `true` on, `false` off, `nil` unknown (the deciding file could not be read).
    public var enabled: Bool?
    /// Where the value comes from: a file location, or `platform default`.
    public var source: String

    /// Creates a setting.
    public init(enabled: Bool?, source: String) {
        self.enabled = enabled
        self.source = source
    }
}
