import MailServer

/// Folds the server's own Exim verdicts into the findings about refused senders: a sender that
/// the log shows refused but that Exim accepts now is "fixed since", no longer critical; one that
/// Exim still refuses stays as it is, with Exim's reply as proof.
public enum EximConfirmedFindings {
    /// The findings whose subject is one refused sender, which a replay can confirm.
    public static let confirmable: Set<RuleID> = [.rejectedHeloIsHostname, .rejectedHeloIsLocalDomain, .ineffectiveWhitelist]

    /// The refused (address, greeting) a finding is about, from its log evidence.
    public static func sender(of finding: Finding) -> (ip: IPAddress, greeting: String)? {
        guard confirmable.contains(finding.rule) else { return nil }
        for case .log(let group) in finding.evidence {
            if let ip = group.ip { return (ip, group.helo) }
        }
        return nil
    }

    /// `findings` with each confirmable one's verdict attached and its severity following it.
    public static func apply(_ findings: [Finding], verdict: (IPAddress, String) -> EximVerdict?) -> [Finding] {
        findings.map { f in
            guard let (ip, greeting) = sender(of: f), let v = verdict(ip, greeting) else { return f }
            var out = f
            out.exim = v
            if v.verdict == .accepted {
                out.severity = .info
                out.title = "Fixed since: " + f.title + " (Exim accepts it now)"
                out.explanation = "The log shows these refusals, but the server's own Exim accepts this sender's session today (\(v.reply)): the conflict has been fixed since. " + f.explanation
            }
            return out
        }.sorted { $0.severity < $1.severity }
    }
}
