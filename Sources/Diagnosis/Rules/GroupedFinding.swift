/// The limits of a rule that would otherwise give one finding per line of a list: above
/// ``perSubjectLimit`` subjects it gives one finding about all of them (docs/findings.md). A million
/// findings, each with its own explanation and remedies, took gigabytes and minutes to build and
/// print, and nobody reads them one by one; the grouped finding still names every subject.
enum GroupedFinding {
    /// Up to this many subjects get a finding each, with its own fix.
    static let perSubjectLimit = 1_000
    /// The grouped finding's explanation names this many, then "and N more".
    static let namedInText = 10
    /// The grouped finding carries this many file lines as evidence.
    static let evidenceLimit = 100

    /// `a, b, c and 999,997 more`: the first ``namedInText`` of `names` (taken lazily), and how
    /// many of `total` that leaves.
    static func listed(_ names: some Sequence<String>, total: Int) -> String {
        let named = Array(names.prefix(namedInText))
        let rest = total - named.count
        return named.joined(separator: ", ") + (rest > 0 ? " and \(CountText.grouped(rest)) more" : "")
    }
}
