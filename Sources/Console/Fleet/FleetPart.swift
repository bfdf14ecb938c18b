import Diagnosis

/// What the console shows beyond one server when it looks at a fleet (`helofix fleet DEST
/// --console`): the servers, the cross-server findings, and which server each row and each
/// single-server finding belongs to (the server column).
public struct FleetPart: Sendable {
    /// A server of the fleet, in the header and the server filter.
    public struct Server: Sendable, Hashable {
        /// Inventory name.
        public var name: String
        /// Hostname, when read.
        public var hostname: String?
        /// Why it could not be read.
        public var problem: String?
    }

    /// The directory the playbook filled.
    public var dest: String
    /// The servers, in name order.
    public var servers: [Server]
    /// The cross-server findings, most severe first (listed before the servers' own findings).
    public var findings: [FleetFinding]
    /// `-i FILE` for the ansible command lines, when given.
    public var inventory: String?
    /// Server index of every row, per pane (parallel to ``ConsoleData/rows``).
    public var rowServer: [[Int32]]
    /// Server index of every single-server finding (parallel to ``ConsoleData/findings``).
    public var findingServer: [Int32]

    /// The index of the server named `name`.
    public func index(of name: String) -> Int? { servers.firstIndex { $0.name == name } }

    /// The width of the server column: the longest name, within reason.
    public var columnWidth: Int { min(16, max(6, servers.map { TextFit.width($0.name) }.max() ?? 6)) }
}
