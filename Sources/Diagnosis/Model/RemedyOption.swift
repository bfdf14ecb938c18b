import MailServer

/// A remedy with its trade-off in plain words; the first is the recommended one.
public struct RemedyOption: Codable, Sendable, Hashable {
    /// What to do.
    public var suggestion: RemedySuggestion
    /// One-line title ("Remove shop.example.com's traces from this server").
    public var title: String
    /// Trade-offs and risks (a whitelist states that an infected sender's spam skips the checks).
    public var tradeOff: String

    /// Creates an option.
    public init(_ suggestion: RemedySuggestion, title: String, tradeOff: String) {
        self.suggestion = suggestion
        self.title = title
        self.tradeOff = tradeOff
    }
}
