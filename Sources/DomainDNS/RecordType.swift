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
