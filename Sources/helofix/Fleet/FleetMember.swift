import Analysis
import Console
import Diagnosis
import MailServer

/// One server of a fleet after its single-server analysis.
struct FleetMember: Sendable {
    /// The inventory name (the directory's name under DEST).
    var name: String
    /// The directory read as its `/`.
    var root: String
    /// The summary the cross-server rules read; `nil` when the tree could not be read.
    var server: FleetServer?
    /// The single-server findings.
    var findings: [Finding]
    /// Impersonation rejections in its collected log lines.
    var rejections: Int
    /// Why the tree could not be read, or a log problem.
    var problems: [String]
    /// Its rows and findings for the fleet console (only when the console asked; the snapshot itself is dropped).
    var console: FleetConsoleServer? = nil

    /// Reads one collected tree through the shared analysis pipeline (snapshot read beside the log
    /// scan, the single-server rules, then `enrichments`) and keeps what the fleet needs.
    static func analyse(name: String, root: ServerRoot, enrichments: [any AnalysisEnrichment], forConsole: Bool = false) -> FleetMember {
        // Servers are read in parallel, so each one's logs are read on one thread.
        let pipeline = AnalysisPipeline(root: root, enrichments: enrichments, scanner: LogScanner(threads: 1),
                                        reader: SnapshotReader(root: root, processes: RemoteProcesses()))
        do {
            let report = try pipeline.run()
            var member = FleetMember(name: name, root: root.path, server: FleetServer(name: name, snapshot: report.snapshot, rejections: report.logs.groups,
                                                                                       routes: report.dns?.routes ?? [:]),
                               findings: report.findings, rejections: report.logs.rejections, problems: report.logs.problems + report.notes)
            if forConsole { member.console = FleetConsoleServer(name: name, snapshot: report.snapshot, findings: report.findings) }
            return member
        } catch {
            var member = FleetMember(name: name, root: root.path, server: nil, findings: [], rejections: 0, problems: [error.description])
            if forConsole { member.console = FleetConsoleServer(name: name, problem: error.description) }
            return member
        }
    }
}
