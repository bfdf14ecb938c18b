
/// A parsed lsearch file: its entries in file order and the problems found.
public struct LsearchFile: Sendable {
    /// Key lines (and invisible indented lines, flagged), in file order.
    public var entries: [LsearchEntry]
    /// Problems found.
    public var diagnostics: [Diagnostic]
}
