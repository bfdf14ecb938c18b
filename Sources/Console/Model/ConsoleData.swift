import Diagnosis
import MailServer

/// Everything the console shows about one snapshot and its findings, indexed once per update
/// (sets and dictionaries) so that a frame only touches the rows on screen, even with 100,000 domains.
public struct ConsoleData: Sendable {
    /// The server's hostname, if known.
    public var hostname: String?
    /// The platform's display name.
    public var platformName: String
    /// The root read as `/` (shown when it is not `/`).
    public var root: String
    /// Findings, most severe first.
    public var findings: [Finding]
    /// Rows per pane, in ``Pane`` order.
    public var rows: [[PaneRow]]
    /// Lower-cased key -> the first row that stands for it (most keys have one row: no array each).
    var firstRowByKey: [String: RowAddress]
    /// Lower-cased key -> the further rows that stand for it.
    var moreRowsByKey: [String: [RowAddress]]
    /// Whether the domain rows are left out of the two tables above and found by binary search
    /// (their keys are ASCII and in order, as the reader hands them over; see ``indexRows()``).
    var domainKeysInOrder = false
    /// For each finding, the rows it touches, in pane order.
    public var rowsByFinding: [[RowAddress]]
    /// Number of critical findings.
    public var criticalCount: Int
    /// Number of warning findings.
    public var warningCount: Int
    /// `incomplete: cannot read N files (run as root)` when files could not be read; no fix is offered then.
    public var incomplete: String?
    /// The servers and cross-server findings when the console looks at a fleet; `nil` on one server.
    public var fleet: FleetPart?

    /// An empty data set (before the first read).
    public init() {
        hostname = nil
        platformName = ""
        root = "/"
        findings = []
        rows = [[], [], []]
        firstRowByKey = [:]
        moreRowsByKey = [:]
        rowsByFinding = []
        criticalCount = 0
        warningCount = 0
    }

    /// Prepares the panes for `snapshot` and marks rows touched by `findings`.
    public init(snapshot: ServerSnapshot, findings unsorted: [Finding]) {
        self.init()
        hostname = snapshot.hostname
        platformName = snapshot.platform.displayName
        root = snapshot.root
        incomplete = snapshot.incompleteSummary
        findings = unsorted.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity < b.element.severity : a.offset < b.offset
        }.map(\.element)
        criticalCount = findings.lazy.filter { $0.severity == .critical }.count
        warningCount = findings.lazy.filter { $0.severity == .warning }.count
        rows = Self.paneRows(snapshot)
        indexRows()
        markFindings(whitelist: snapshot.whitelist)
    }

    /// The rows of the three panes for a snapshot, without finding marks.
    static func paneRows(_ s: ServerSnapshot) -> [[PaneRow]] {
        [domainRows(s), greetingRows(s), whitelistRows(s)]
    }

    private static func domainRows(_ s: ServerSnapshot) -> [PaneRow] {
        s.domains.map { d in
            // "local" is the usual case; only other lists are worth the room.
            let lists = d.lists == [.local] ? "" : d.lists.map(\.rawValue).joined(separator: ",")
            let owner = d.owner ?? "no owner"
            let note = lists.isEmpty ? owner : owner + " " + lists
            return PaneRow(text: d.name, note: note, key: d.name)
        }
    }

    private static func greetingRows(_ s: ServerSnapshot) -> [PaneRow] {
        var rows: [PaneRow] = []
        if let host = s.hostname {
            rows.append(PaneRow(text: host, note: "hostname", key: host))
        }
        for g in s.greetings {
            let key = g.key.text.lowercased()
            // Written as in /etc/mailhelo (`key: greeting`), which admins know.
            rows.append(PaneRow(text: "\(g.key.text): \(g.helo)", note: lastComponent(g.location.file), key: g.helo,
                                 alias: key != "*" && key != g.helo ? key : nil))
        }
        return rows
    }

    private static func whitelistRows(_ s: ServerSnapshot) -> [PaneRow] {
        s.whitelist.map { w in
            let entry = w.entry.lowercased()
            let canonical = w.network.flatMap { $0.isSingleAddress ? $0.address.description : nil }
            return PaneRow(text: w.entry, note: w.list, key: entry, alias: canonical == entry ? nil : canonical)
        }
    }

    /// Marks every row a finding names; an IP subject also marks the whitelist ranges that cover it.
    private mutating func markFindings(whitelist: [WhitelistEntry]) {
        rowsByFinding = Array(repeating: [], count: findings.count)
        // Single addresses are found through the row index; only ranges need a containment test.
        let ranges = whitelist.indices.filter { whitelist[$0].network.map { !$0.isSingleAddress } ?? false }
        for (f, finding) in findings.enumerated() {
            var touched = Set<RowAddress>()
            for subject in finding.subjects {
                for address in rows(for: subject.text.lowercased()) { touched.insert(address) }
                if case .ip(let ip) = subject {
                    for i in ranges where whitelist[i].covers(ip) { touched.insert(RowAddress(.whitelist, i)) }
                }
            }
            let mark = SeverityMark(finding.severity)
            for address in touched {
                var row = rows[address.pane.rawValue][address.row]
                row.findings.append(f)
                row.severity = max(row.severity ?? mark, mark)
                rows[address.pane.rawValue][address.row] = row
            }
            rowsByFinding[f] = touched.sorted { ($0.pane.rawValue, $0.row) < ($1.pane.rawValue, $1.row) }
        }
    }

    /// Rows related to `address`: rows standing for the same names, and rows sharing a finding with it.
    public func related(to address: RowAddress) -> Set<RowAddress> {
        guard address.row < rows[address.pane.rawValue].count else { return [] }
        let row = rows[address.pane.rawValue][address.row]
        var out = Set<RowAddress>()
        for key in row.keys { out.formUnion(rows(for: key)) }
        for f in row.findings { out.formUnion(rowsByFinding[f]) }
        out.remove(address)
        return out
    }
}

extension SeverityMark {
    /// The mark for a finding's severity.
    public init(_ severity: Severity) {
        switch severity {
        case .critical: self = .critical
        case .warning: self = .warning
        case .info: self = .info
        }
    }
}

/// The file name of a server path (`/etc/mailhelo` -> `mailhelo`).
func lastComponent(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
}
