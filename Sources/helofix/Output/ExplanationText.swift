import Console
import Diagnosis
import MailServer

/// The text `helofix explain` prints.
enum ExplanationText {
    static func render(_ e: LineExplanation, rootGiven: Bool, width: Int) -> String {
        var lines: [String] = []
        let name = e.name ?? "(not named in the message)"
        lines.append("Receiver: \(e.receiver)")
        lines.append("Rule: \(e.rule.rawValue), at the \(e.stage.rawValue.uppercased()) stage")
        lines.append("Refused greeting: \(name)" + (e.ip.map { " from \($0)" } ?? ""))
        lines.append(e.side == .receiver ? "Seen from: the receiving server's own log" : "Seen from: the sending side (a bounce or a client library's error)")
        lines.append("")
        lines.append("What it means: the receiver refused the mail because the sender's greeting (HELO/EHLO) claims to be the receiver itself. \(e.ruleDescription)")
        var out = lines.flatMap { $0.isEmpty ? [""] : TextFit.wrap($0, width, indent: 2) }.joined(separator: "\n") + "\n"
        if !rootGiven {
            out += "\n" + TextFit.wrap("Run `helofix explain --root / LINE` on the receiving server to see which of its settings causes this.", width, indent: 2).joined(separator: "\n") + "\n"
        } else if e.findings.isEmpty {
            out += "\n" + TextFit.wrap("Nothing on this server explains it: \(name) is neither its hostname nor a local domain here. Either another server refused the mail (check the host named in the bounce), or the conflict has been fixed.", width, indent: 2).joined(separator: "\n") + "\n"
        } else {
            out += "\nOn this server:\n" + FindingsText.render(e.findings, width: width)
        }
        return out
    }
}
