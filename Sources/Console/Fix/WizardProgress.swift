import Diagnosis
import Remedy

/// Where the wizard is: which findings it has dealt with (fixed, done by hand or skipped).
public struct WizardProgress: Sendable, Hashable {
    /// Finding ids already shown.
    public var done: Set<String>
    /// How many findings have been fixed.
    public var fixed: Int
    /// How many findings were skipped with `s`.
    public var skipped: Int
    /// How many findings the admin marked as done by hand.
    public var byHand: Int

    /// A fresh wizard.
    public init() {
        done = []
        fixed = 0
        skipped = 0
        byHand = 0
    }

    /// Whether the wizard is still on its first finding and nothing has been done yet (so a
    /// later read with more severe findings may move it to the worst one).
    public var untouched: Bool { done.count <= 1 && fixed == 0 && skipped == 0 && byHand == 0 }
}
