/// The three lists of the main screen, left to right.
public enum Pane: Int, Sendable, CaseIterable, Hashable {
    case domains = 0, greetings = 1, whitelist = 2

    /// The pane's title as the admin reads it.
    public var title: String {
        switch self {
        case .domains: "Hosted domains"
        case .greetings: "Greeting names"
        case .whitelist: "Whitelisted senders"
        }
    }

    /// The pane to the right (wrapping).
    public var next: Pane { Pane(rawValue: (rawValue + 1) % 3)! }
    /// The pane to the left (wrapping).
    public var previous: Pane { Pane(rawValue: (rawValue + 2) % 3)! }
}
