
/// An address bound on this server, with the file that lists it.
public struct ServerIP: Codable, Sendable, Hashable {
    /// The address.
    public var address: IPAddress
    /// Where it is listed.
    public var location: SourceLocation
    /// Whether this is the main (shared) IP.
    public var isMain: Bool

    /// Creates a server IP.
    public init(address: IPAddress, location: SourceLocation, isMain: Bool) {
        self.address = address
        self.location = location
        self.isMain = isMain
    }
}
