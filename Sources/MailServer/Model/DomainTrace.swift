/// A per-domain file or entry that a migration leaves behind on the old server.
///
/// A big server has hundreds of thousands of these (a valiases file and a zone per domain), so a
/// per-file trace keeps only its directory (one string shared by all of them) and builds the path
/// when asked.
public struct DomainTrace: Sendable, Hashable, Codable {
    /// Which kind of trace.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case localdomains, remotedomains, secondarymx, userdomains
        case mailhelo, mailips
        case valiases, vdomainaliases, vfilters
        case zone
        case namedConf = "named.conf"
        case directadminDomainDir = "virtual-domain-dir"
    }

    /// The domain (lower case).
    public var domain: String
    /// Which kind of trace.
    public var kind: Kind
    /// Where the reader put this domain in ``ServerSnapshot/domains``, or -1. Declared after the
    /// one-byte `kind` so it sits in padding (the trace stays 64 bytes: a big server has 400,000).
    private var position: Int32 = -1
    /// Where it is, without a path string per file for the common per-file case.
    private enum Place: Sendable, Hashable {
        /// A line (or the whole) of a file.
        case file(String, line: Int?)
        /// `directory/DOMAINsuffix`: directory and suffix are shared strings, the name is the domain.
        case entry(directory: String, suffix: String)
        /// `directory/name` when the name is not the domain plus suffix (upper case on disk).
        case namedEntry(directory: String, name: String)
    }

    private var place: Place

    /// A line (or the whole) of a file.
    public init(domain: String, kind: Kind, location: SourceLocation) {
        self.domain = domain
        self.kind = kind
        place = .file(location.file, line: location.line)
    }

    /// The file `directory/name` (e.g. `/etc/valiases/example.com`, `/var/named/example.com.db`).
    public init(domain: String, kind: Kind, directory: String, name: String, suffix: String = "") {
        self.domain = domain
        self.kind = kind
        place = name.utf8.count == domain.utf8.count + suffix.utf8.count && name.hasPrefix(domain) && name.hasSuffix(suffix)
            ? .entry(directory: directory, suffix: suffix) : .namedEntry(directory: directory, name: name)
    }

    /// The file `directory/DOMAINsuffix` when the name on disk is exactly that (lower case).
    init(domain: String, kind: Kind, directory: String, suffix: String) {
        self.domain = domain
        self.kind = kind
        place = .entry(directory: directory, suffix: suffix)
    }

    /// The position of this trace's domain in the ``ServerSnapshot/domains`` it was read with, when
    /// the server lists the domain: a hint that saves the rules a name look-up per trace, valid only
    /// while `domains[p].name == domain` (check that; a changed snapshot moves domains).
    public var domainPosition: Int? { position >= 0 ? Int(position) : nil }

    /// Sets or clears ``domainPosition`` (the reader sets it; an id of its own table until sorted).
    mutating func setDomainPosition(_ p: Int?) {
        position = p.flatMap { Int32(exactly: $0) } ?? -1
    }

    /// Where it is.
    public var location: SourceLocation {
        switch place {
        case .file(let file, let line): SourceLocation(file: file, line: line)
        case .entry(let directory, let suffix): SourceLocation(file: directory + "/" + domain + suffix)
        case .namedEntry(let directory, let name): SourceLocation(file: directory + "/" + name)
        }
    }

    enum CodingKeys: String, CodingKey { case domain, kind, location }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(domain: try c.decode(String.self, forKey: .domain), kind: try c.decode(Kind.self, forKey: .kind),
                  location: try c.decode(SourceLocation.self, forKey: .location))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(domain, forKey: .domain)
        try c.encode(kind, forKey: .kind)
        try c.encode(location, forKey: .location)
    }

    public static func == (a: DomainTrace, b: DomainTrace) -> Bool {
        a.domain == b.domain && a.kind == b.kind && a.location == b.location
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(domain)
        hasher.combine(kind)
        hasher.combine(location)
    }
}
