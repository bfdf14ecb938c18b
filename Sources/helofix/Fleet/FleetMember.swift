import Analysis
import Diagnosis
import Dispatch
import MailServer
import Synchronization

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

    /// Reads one collected tree through the shared analysis pipeline (snapshot read beside the log
    /// scan, the single-server rules, then `enrichments`) and keeps what the fleet needs.
    static func analyse(name: String, root: ServerRoot, enrichments: [any AnalysisEnrichment]) -> FleetMember {
        // Servers are read in parallel, so each one's logs are read on one thread.
        let pipeline = AnalysisPipeline(root: root, enrichments: enrichments, scanner: LogScanner(threads: 1),
                                        reader: SnapshotReader(root: root, processes: RemoteProcesses()))
        do {
            let report = try pipeline.run()
            return FleetMember(name: name, root: root.path, server: FleetServer(name: name, snapshot: report.snapshot, rejections: report.logs.groups),
                               findings: report.findings, rejections: report.logs.rejections, problems: report.logs.problems + report.notes)
        } catch {
            return FleetMember(name: name, root: root.path, server: nil, findings: [], rejections: 0, problems: [error.description])
        }
    }
}
