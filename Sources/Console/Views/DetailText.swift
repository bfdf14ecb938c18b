import Diagnosis

/// The detail screen's text, laid out for a width (also used by tests and docs).
public enum DetailText {
    /// One line of the detail screen.
    public struct Line: Sendable, Hashable {
        public var text: String
        public var role: StyleRole
        public var indent: Int
    }

    /// The finding as wrapped lines: title, explanation, subjects, evidence, remedies.
    /// `dnsNote` (DNS still being asked, or gave no answer) is shown under the evidence.
    public static func lines(_ f: Finding, width: Int, dnsNote: String? = nil) -> [Line] {
        var out: [Line] = []
        func add(_ text: String, _ role: StyleRole = .normal, indent: Int = 0) {
            for piece in TextFit.wrap(text, width - indent) { out.append(Line(text: piece, role: role, indent: indent)) }
        }
        add(f.title, .title)
        add("\(f.severity.rawValue), rule \(f.rule.rawValue), about \(f.subjects.map(\.text).joined(separator: ", "))", .dim, indent: 3)
        out.append(Line(text: "", role: .normal, indent: 0))
        add("Why", .title)
        add(f.explanation, indent: 2)
        if !f.evidence.isEmpty {
            out.append(Line(text: "", role: .normal, indent: 0))
            add("Evidence", .title)
            for e in f.evidence { evidence(e, add) }
        }
        if let dnsNote {
            if f.evidence.isEmpty { out.append(Line(text: "", role: .normal, indent: 0)) }
            add(dnsNote, .dim, indent: 2)
        }
        if !f.remedies.isEmpty {
            out.append(Line(text: "", role: .normal, indent: 0))
            add("Remedies (recommended first)", .title)
            for (i, r) in f.remedies.enumerated() {
                add("\(i + 1). \(r.title)", i == 0 ? .statusOK : .normal, indent: 2)
                add(r.tradeOff, .dim, indent: 5)
            }
        }
        return out
    }

    private static func evidence(_ e: Evidence, _ add: (String, StyleRole, Int) -> Void) {
        switch e {
        case .file(let location, let text):
            add(location.description, .keyHint, 2)
            if !text.isEmpty { add(text, .normal, 4) }
        case .log(let group):
            let ip = group.ip?.description ?? "unknown IP"
            let when = [group.firstSeen, group.lastSeen].compactMap { $0 }
            let span = when.isEmpty ? "" : ", \(when.first!)" + (when.count > 1 && when[0] != when[1] ? " to \(when[1])" : "")
            add("\(ip) greeted as \(group.helo): refused \(group.count) time\(group.count == 1 ? "" : "s")\(span)", .keyHint, 2)
            for sample in group.samples.prefix(3) {
                add("\(sample.location.description): \(sample.raw)", .dim, 4)
            }
        case .dns(let query, let answer):
            add("DNS \(query): \(answer)", .keyHint, 2)
        }
    }
}
