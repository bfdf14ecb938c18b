import Diagnosis
import MailServer

/// The Exim enrichment: asks the server's own Exim about each refused sender the findings name
/// and folds the verdicts in (``EximConfirmedFindings``): accepted now is "fixed since", no longer
/// critical. The replay itself (a process: `exim -bh`) is injected by the front end, so this
/// module starts nothing and tests can see exactly what is asked.
public struct EximEnrichment: AnalysisEnrichment {
    /// One replay: Exim's verdict for `ip` greeting as `greeting`, connecting to `localIP`, or why there is none.
    public typealias Replay = @Sendable (_ ip: IPAddress, _ greeting: String, _ localIP: IPAddress?) -> Result<EximVerdict, ReplayFailure>

    /// Why Exim gave no verdict (it could not start, timed out, printed no SMTP answer).
    public struct ReplayFailure: Error, Sendable {
        public var reason: String
        /// Creates a failure.
        public init(_ reason: String) { self.reason = reason }
    }

    public let name = "Exim"
    /// Most senders replayed per evaluation (each costs one short process).
    public var limit: Int
    let replay: Replay

    /// Creates the enrichment.
    public init(limit: Int = 25, replay: @escaping Replay) {
        self.limit = limit
        self.replay = replay
    }

    public func enrich(_ report: inout AnalysisReport, cancellation: AnalysisCancellation) {
        let localIP = report.snapshot.ips.first(where: \.isMain)?.address ?? report.snapshot.ips.first?.address
        var keys: [String] = []
        var senders: [String: (IPAddress, String)] = [:]
        for finding in report.findings {
            guard let (ip, greeting) = EximConfirmedFindings.sender(of: finding) else { continue }
            let key = "\(ip) \(greeting)"
            if senders[key] == nil, keys.count < limit {
                keys.append(key)
                senders[key] = (ip, greeting)
            }
        }
        var verdicts: [String: EximVerdict] = [:]
        for key in keys {
            if cancellation.isCancelled { return }
            guard let (ip, greeting) = senders[key] else { continue }
            switch replay(ip, greeting, localIP) {
            case .success(let v): verdicts[key] = v
            case .failure(let f): report.notes.append("Exim could not confirm \(greeting) from \(ip): \(f.reason)")
            }
        }
        report.findings = EximConfirmedFindings.apply(report.findings) { ip, greeting in verdicts["\(ip) \(greeting)"] }
        report.sortFindings()
    }
}
