import Analysis
import Console
import Diagnosis
import Dispatch
import Foundation
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

/// Lock holders live on the collected server, not here: a PID cannot be checked away from it,
/// so every holder counts as alive and no lock is called stale.
struct RemoteProcesses: ProcessProbe {
    func isAlive(_ pid: Int32) -> Bool { true }
}

/// Reads every host directory of DEST, several servers per core, keeping only summaries.
enum FleetReader {
    /// The host directories of `dest` (hidden ones, such as the playbook's `.incoming`, skipped), sorted.
    static func hostDirectories(_ dest: ServerRoot) -> [String]? {
        dest.list("/").map { $0.filter { !$0.hasPrefix(".") && dest.isDirectory("/" + $0) }.sorted() }
    }

    /// How many servers are analysed at once: a server spends much of its time waiting (its files,
    /// DNS answers), so a few per core keep both cores busy; bounded, because each one in flight
    /// holds its whole snapshot until its rules have run.
    static var concurrency: Int { min(16, max(4, LogScanner.availableCores * 4)) }

    /// Analyses each host, `concurrency` at a time, each worker taking the next host in turn; the
    /// result is in name order.
    static func read(_ dest: ServerRoot, names: [String], enrichments: [any AnalysisEnrichment] = [], forConsole: Bool = false) -> [FleetMember] {
        let slots = Mutex<[FleetMember?]>(Array(repeating: nil, count: names.count))
        let next = Mutex(0)
        let workers = min(names.count, concurrency)
        let done = DispatchGroup()
        for _ in 0..<workers {
            done.enter()
            let worker = Thread {
                while true {
                    let i = next.withLock { n in defer { n += 1 }; return n }
                    guard i < names.count else { break }
                    let member = FleetMember.analyse(name: names[i], root: ServerRoot(dest.hostPath("/" + names[i])), enrichments: enrichments,
                                                     forConsole: forConsole)
                    slots.withLock { $0[i] = member }
                }
                done.leave()
            }
            // The stack a main thread has: the readers and rules were written and tested on it.
            worker.stackSize = 8 << 20
            worker.start()
        }
        done.wait()
        // Every worker ran until no host was left, so every slot is filled.
        return slots.withLock { $0.compactMap { $0 } }
    }
}
