/// One record of an answer.
public struct DNSRecord: Sendable, Hashable, Codable {
    /// The record's type.
    public var type: RecordType
    /// Its owner name (lower case): differs from the question's name after a CNAME.
    public var owner: String
    /// A name (MX, CNAME, PTR, lower case), an address (A, AAAA) or the text (TXT).
    public var data: String
    /// The MX preference, 0 for other types.
    public var preference: Int

    /// Creates a record.
    public init(type: RecordType, owner: String, data: String, preference: Int = 0) {
        self.type = type
        self.owner = owner
        self.data = data
        self.preference = preference
    }
}
