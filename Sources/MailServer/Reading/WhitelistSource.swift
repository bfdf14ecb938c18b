
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
    /// The file is named directly in the host list (one item a line), not read with lsearch.
    public var plainHostList = false
    /// The list is read with `lsearch`/`net-lsearch`: exact keys, so a CIDR line matches nothing.
    public var exactAddressesOnly = false
}
