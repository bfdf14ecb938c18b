/// A `--resolver` value that is not `IPv4[:PORT]`.
public struct ResolverAddressError: Error, CustomStringConvertible {
    /// What was given.
    public var text: String

    public var description: String {
        "--resolver \(text): expected an IPv4 address with an optional port, e.g. 127.0.0.53:5353 (the system resolver library speaks to IPv4 servers here)"
    }
}
