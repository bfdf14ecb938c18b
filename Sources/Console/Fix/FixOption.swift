import Remedy

/// One choice in the options step: a remedy helofix can apply, or advice for the sending side.
public struct FixOption: Sendable, Hashable {
    /// What to apply; `nil` for advice only.
    public var kind: FixKind?
    /// What the form starts with.
    public var prefill: String
    /// One line.
    public var title: String
    /// The trade-off or risk, in plain words.
    public var tradeOff: String
    /// For advice: what to do by hand.
    public var advice: String?
    /// Whether the options step labels it "recommended" (a finding's first remedy, never a whitelist).
    public var recommended = false

    /// Creates an option.
    public init(kind: FixKind?, prefill: String = "", title: String, tradeOff: String, advice: String? = nil) {
        self.kind = kind
        self.prefill = prefill
        self.title = title
        self.tradeOff = tradeOff
        self.advice = advice
    }

    /// Whether two options make the same change (or give the same advice).
    func sameChange(as other: FixOption) -> Bool {
        kind == other.kind && prefill == other.prefill && (kind != nil || title == other.title)
    }
}
