/// A record type helofix asks for.
public enum RecordType: String, Sendable, Hashable, Codable, CaseIterable {
    case a = "A", aaaa = "AAAA", mx = "MX", txt = "TXT", ptr = "PTR", cname = "CNAME"

    /// The type's number on the wire (`ns_t_*`).
    var code: Int32 {
        switch self {
        case .a: 1
        case .cname: 5
        case .ptr: 12
        case .mx: 15
        case .txt: 16
        case .aaaa: 28
        }
    }

    init?(code: Int32) {
        guard let type = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = type
    }
}

/// One question: a fully qualified name (lower case, no final dot) and a record type.
public struct DNSQuestion: Sendable, Hashable, CustomStringConvertible {
    /// The name asked for.
    public var name: String
    /// The record type.
    public var type: RecordType

    /// Creates a question; the name is lower-cased and loses its final dot.
    public init(_ name: String, _ type: RecordType) {
        var n = name.lowercased()
        while n.hasSuffix(".") { n.removeLast() }
        self.name = n
        self.type = type
    }

    /// `example.com MX`.
    public var description: String { "\(name) \(type.rawValue)" }
}
