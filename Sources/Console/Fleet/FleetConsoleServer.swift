import Diagnosis
import MailServer

/// One server of a fleet as the console shows it: its rows and findings, prepared as soon as its
/// analysis is done so that its snapshot can be dropped (a fleet keeps only these).
public struct FleetConsoleServer: Sendable {
    /// The inventory name (the directory under DEST).
    public var name: String
    /// Its hostname, when it was read.
    public var hostname: String?
    /// Its platform's display name (empty when not read).
    public var platformName: String
    /// Rows per pane, in ``Pane`` order, without finding marks.
    public var rows: [[PaneRow]]
    /// Its own findings.
    public var findings: [Finding]
    /// Why the tree could not be read, when it could not.
    public var problem: String?

    /// A server that was read.
    public init(name: String, snapshot: ServerSnapshot, findings: [Finding]) {
        self.name = name
        hostname = snapshot.hostname
        platformName = snapshot.platform.displayName
        rows = ConsoleData.paneRows(snapshot)
        self.findings = findings
        problem = nil
    }

    /// A tree that could not be read, and why.
    public init(name: String, problem: String) {
        self.name = name
        hostname = nil
        platformName = ""
        rows = [[], [], []]
        findings = []
        self.problem = problem
    }
}
