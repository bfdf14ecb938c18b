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
