import Diagnosis

extension ConsoleData {
    /// The panes and findings of a whole fleet: every server's rows one after the other (the
    /// server column says whose), the cross-server findings first, then every server's own.
    public init(fleet servers: [FleetConsoleServer], findings fleetFindings: [FleetFinding], dest: String, inventory: String?) {
        self.init()
        root = dest
        platformName = "\(servers.count) server\(servers.count == 1 ? "" : "s")"
        var rowServer: [[Int32]] = [[], [], []]
        for (i, server) in servers.enumerated() {
            for pane in Pane.allCases {
                rows[pane.rawValue] += server.rows[pane.rawValue]
                rowServer[pane.rawValue] += Array(repeating: Int32(i), count: server.rows[pane.rawValue].count)
            }
        }
        let own = servers.enumerated().flatMap { i, s in s.findings.map { (server: Int32(i), finding: $0) } }
        let sorted = own.enumerated().sorted { a, b in
            a.element.finding.severity != b.element.finding.severity ? a.element.finding.severity < b.element.finding.severity : a.offset < b.offset
        }.map(\.element)
        findings = sorted.map(\.finding)
        let cross = fleetFindings.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity < b.element.severity : a.offset < b.offset
        }.map(\.element)
        fleet = FleetPart(dest: dest, servers: servers.map { FleetPart.Server(name: $0.name, hostname: $0.hostname, problem: $0.problem) },
                          findings: cross, inventory: inventory, rowServer: rowServer, findingServer: sorted.map(\.server))
        let severities = cross.map(\.severity) + findings.map(\.severity)
        criticalCount = severities.filter { $0 == .critical }.count
        warningCount = severities.filter { $0 == .warning }.count
        indexRows()
        markFleetFindings()
    }

    /// Findings in the list: the cross-server ones (in a fleet) and every server's own.
    public var listedCount: Int { (fleet?.findings.count ?? 0) + findings.count }

    /// The `i`th entry of the findings list (the index space of ``PaneRow/findings`` and ``rowsByFinding``).
    public func listed(_ i: Int) -> ListedFinding {
        let cross = fleet?.findings.count ?? 0
        if let fleet, i < cross { return .fleet(fleet.findings[i]) }
        return .server(findings[i - cross], server: fleet.map { $0.servers[Int($0.findingServer[i - cross])].name })
    }

    /// The index in the list of the `i`th single-server finding.
    public func listedIndex(ofFinding i: Int) -> Int { (fleet?.findings.count ?? 0) + i }

    /// The single-server finding at list index `i`, if that entry is one.
    public func serverFinding(atListed i: Int) -> Finding? {
        let j = i - (fleet?.findings.count ?? 0)
        return j >= 0 && j < findings.count ? findings[j] : nil
    }

    /// The server a row belongs to, in a fleet.
    public func server(of address: RowAddress) -> Int? {
        fleet.map { Int($0.rowServer[address.pane.rawValue][address.row]) }
    }

    /// Marks the rows each finding names, on the servers it concerns only: a server's finding
    /// marks that server's rows; a cross-server finding marks its servers' rows.
    private mutating func markFleetFindings() {
        guard let fleet else { return }
        rowsByFinding = Array(repeating: [], count: listedCount)
        for i in 0..<listedCount {
            let entry = listed(i)
            let servers: Set<Int32>
            let subjects: [Subject]
            switch entry {
            case .fleet(let f):
                servers = Set(f.servers.compactMap { fleet.index(of: $0).map(Int32.init) })
                subjects = f.subjects
            case .server(let f, _):
                servers = [fleet.findingServer[i - fleet.findings.count]]
                subjects = f.subjects
            }
            var touched = Set<RowAddress>()
            for subject in subjects {
                for address in rows(for: subject.text.lowercased()) where servers.contains(fleet.rowServer[address.pane.rawValue][address.row]) {
                    touched.insert(address)
                }
            }
            let mark = SeverityMark(entry.severity)
            for address in touched {
                rows[address.pane.rawValue][address.row].findings.append(i)
                let old = rows[address.pane.rawValue][address.row].severity
                rows[address.pane.rawValue][address.row].severity = max(old ?? mark, mark)
            }
            rowsByFinding[i] = touched.sorted { ($0.pane.rawValue, $0.row) < ($1.pane.rawValue, $1.row) }
        }
    }
}
