import Analysis
import Diagnosis
import Dispatch
import Foundation
import MailServer
import Synchronization

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
