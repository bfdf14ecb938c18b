import MailServer

/// `stale-lock` (warning): a cPanel-style `<file>.lock` whose PID is no longer running. cPanel's
/// writers wait minutes for it and then break it; helofix refuses to edit the file while it exists.
struct StaleLockRule: FindingRule {
    func findings(in c: RuleContext) -> [Finding] {
        c.snapshot.locks.filter { !$0.holderAlive }.map { lock in
            let holder = lock.pid.map { "process \($0)\(lock.program.map { " (\($0))" } ?? "")" } ?? "an unreadable PID"
            return Finding(rule: .staleLock, severity: .warning, title: "Stale lock \(lock.path)",
                           subjects: [.file(lock.target)],
                           evidence: [.file(SourceLocation(file: lock.path, line: 1), text: lock.pid.map(String.init) ?? "")],
                           explanation: "\(lock.path) says \(lock.target) is being edited by \(holder), which is no longer running. cPanel's tools wait up to about five minutes on such a lock before breaking it, and helofix will not edit \(lock.target) while it is there.",
                           remedies: [RemedyOption(.advice("Check nothing is editing \(lock.target) (ps), then remove \(lock.path)."),
                                                   title: "Remove the stale lock \(lock.path)",
                                                   tradeOff: "Safe when its process is gone; a live lock must never be removed.")])
        }
    }
}
