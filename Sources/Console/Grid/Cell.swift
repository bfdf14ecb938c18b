/// One character cell: what it shows and in which role.
public struct Cell: Sendable, Hashable {
    /// The character (a space for blank cells).
    public var character: Character
    /// How it is drawn.
    public var role: StyleRole
    /// The right half of a double-width character: the terminal draws nothing here.
    public var isContinuation: Bool

    /// Creates a cell.
    public init(_ character: Character = " ", role: StyleRole = .normal, isContinuation: Bool = false) {
        self.character = character
        self.role = role
        self.isContinuation = isContinuation
    }
}
