/// Whether and how widely to consult DNS (`--no-dns`, `--dns all`, `--resolver`).
public struct DNSOptions: Sendable, Hashable {
    /// Which domains to look up.
    public enum Scope: String, Sendable, Hashable, CaseIterable {
        /// Domains involved in findings (the default).
        case findings
        /// Every local domain as well.
        case all
    }

    /// `false` with `--no-dns`.
    public var enabled: Bool
    /// Which domains.
    public var scope: Scope
    /// Which server and how patiently.
    public var settings: ResolverSettings

    /// Creates options.
    public init(enabled: Bool = true, scope: Scope = .findings, settings: ResolverSettings = ResolverSettings()) {
        self.enabled = enabled
        self.scope = scope
        self.settings = settings
    }

    /// DNS off.
    public static let off = DNSOptions(enabled: false)
}
