import Diagnosis
import DomainDNS
import MailServer

/// What DNS says about a domain before its traces are removed: "safe to remove here" when its mail
/// goes elsewhere or it no longer exists, a warning when its mail still comes here.
enum DomainRemovalDNS {
    /// How the warning starts (apply repeats it on stderr).
    static let warningPrefix = "DNS: WARNING: "

    /// One line for the plan: `DNS: Safe to remove here: MX … -> …`, `DNS: WARNING: …`, or why there is no verdict.
    static func note(_ words: any DomainRemovalWords, snapshot: ServerSnapshot) -> String {
        let options = words.dnsArguments.options
        guard options.enabled else {
            return "DNS: not consulted (--no-dns); check \(words.domain)'s MX record before removing it."
        }
        let domain = DNSQuestion(words.domain, .mx).name
        let report = DNSLookup(pool: ResolverPool(settings: options.settings))
            .run(domains: [domain], senders: [], zoneDomains: [], server: ServerAddresses(snapshot: snapshot), root: ServerRoot(snapshot.root))
        guard report.status == .consulted, let route = report.routes[domain] else {
            return "DNS: \(report.statusLine) Check \(domain)'s MX record before removing it."
        }
        let text = DNSFindings.removalNote(route)
        return "DNS: " + text
    }
}
