import Analysis
import Diagnosis
import Dispatch
import MailServer
import Synchronization

/// Reads every host directory of DEST, two at a time per core, keeping only summaries.
enum FleetReader {
    /// The host directories of `dest` (hidden ones, such as the playbook's `.incoming`, skipped), sorted.
    static func hostDirectories(_ dest: ServerRoot) -> [String]? {
        dest.list("/").map { $0.filter { !$0.hasPrefix(".") && dest.isDirectory("/" + $0) }.sorted() }
    }

    /// Analyses each host, in parallel (a host per core); the result is in name order.
    static func read(_ dest: ServerRoot, names: [String], enrichments: [any AnalysisEnrichment] = []) -> [FleetMember] {
        let slots = Mutex<[FleetMember?]>(Array(repeating: nil, count: names.count))
        DispatchQueue.concurrentPerform(iterations: names.count) { i in
            let member = FleetMember.analyse(name: names[i], root: ServerRoot(dest.hostPath("/" + names[i])), enrichments: enrichments)
            slots.withLock { $0[i] = member }
        }
        // concurrentPerform returns after every host ran, so every slot is filled.
        return slots.withLock { $0.compactMap { $0 } }
    }
}
