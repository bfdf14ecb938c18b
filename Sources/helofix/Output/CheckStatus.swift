import Diagnosis
import MailServer

/// `inspect --check`: the Nagios/Icinga plugin convention. One status line,
/// `HELOFIX STATE - summary|critical=N warning=N rejections=N`, and the exit code 0 OK,
/// 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
struct CheckStatus {
    enum State: Int32 {
        case ok = 0, warning = 1, critical = 2, unknown = 3
        var word: String { ["OK", "WARNING", "CRITICAL", "UNKNOWN"][Int(rawValue)] }
    }

    var state: State
    var line: String

    init(findings: [Finding], logs: LogScanReport) {
        let critical = findings.filter { $0.severity == .critical }
        let warning = findings.filter { $0.severity == .warning }
        let perf = "|critical=\(critical.count) warning=\(warning.count) rejections=\(logs.rejections)"
        if !logs.problems.isEmpty {
            state = .unknown
            line = "HELOFIX UNKNOWN - \(logs.problems[0])" + perf
            return
        }
        state = !critical.isEmpty ? .critical : !warning.isEmpty ? .warning : .ok
        let worst = critical.isEmpty ? warning : critical
        var summary = "\(critical.count) critical, \(warning.count) warning"
        if let first = worst.first {
            summary += ": " + first.title
            if worst.count > 1 { summary += " (+\(worst.count - 1) more)" }
        } else {
            summary = "no greeting conflicts; \(logs.rejections) impersonation rejections in the logs"
        }
        line = "HELOFIX \(state.word) - " + summary.replacingPipes + perf
    }

    /// A warning that outranks the findings (an interrupted transaction).
    init(warning message: String) {
        state = .warning
        line = "HELOFIX WARNING - " + message.replacingPipes
    }

    /// A check that could not run (root unreadable, bad arguments).
    init(unknown message: String) {
        state = .unknown
        line = "HELOFIX UNKNOWN - " + message.replacingPipes
    }
}

private extension String {
    /// A `|` in the text would start the perfdata part.
    var replacingPipes: String { split(separator: "|", omittingEmptySubsequences: false).joined(separator: "/") }
}
