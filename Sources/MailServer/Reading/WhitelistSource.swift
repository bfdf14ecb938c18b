
/// One host list an admin might use to exempt a sender, and what it really does here.
public struct WhitelistSource: Sendable, Hashable {
    /// Short name used in findings and JSON.
    public var list: String
    /// Server path.
    public var file: String
    /// Host names are meaningful in it.
    public var acceptsNames: Bool
    /// How far it bypasses the HELO forgery check.
    public var bypass: HeloBypass
    /// It grants relaying as well.
    public var grantsRelay: Bool
    /// Why, in one sentence.
    public var why: String
}
