import Diagnosis
import MailServer
import Remedy

/// Findings and rejection groups as JSON (also used by other commands that print findings).
enum FindingJSON {
    // A flood's report holds 10,000 findings and twice as many rejection groups: the lists are
    // read in place (a copy of each element is a retain and release per field) and addresses are
    // written as digits (their `description` is `inet_ntop`, a `printf` and four allocations).

    static func write(_ f: Finding, to w: inout JSONWriter) {
        w.object { w in
            w.key("evidence"); w.array { w in f.evidence.withUnsafeBufferPointer { e in for i in e.indices { evidence(e[i], &w) } } }
            if let v = f.exim {
                w.key("exim"); w.object { w in w.field("reply", v.reply); w.field("verdict", v.verdict.rawValue) }
            }
            w.field("explanation", f.explanation)
            w.key("id"); id(f, &w)
            w.key("remedies"); w.array { w in f.remedies.withUnsafeBufferPointer { r in for i in r.indices { remedy(r[i], &w) } } }
            w.field("rule", f.rule.rawValue)
            w.field("severity", f.severity.rawValue)
            w.key("subjects"); w.array { w in f.subjects.withUnsafeBufferPointer { s in for i in s.indices { subject(s[i], &w) } } }
            w.field("title", f.title)
        }
    }

    /// ``Finding/id`` (rule, then the first ``Finding/subjectsInID`` subjects, then how many
    /// more), written in pieces instead of made as a `String` first.
    static func id(_ f: Finding, _ w: inout JSONWriter) {
        w.joinedString { w in
            w.stringPiece(f.rule.rawValue)
            w.stringPiece(literal: ":")
            f.subjects.withUnsafeBufferPointer { s in
                for i in 0..<min(s.count, Finding.subjectsInID) {
                    if i > 0 { w.stringPiece(literal: ",") }
                    subjectText(s[i], &w)
                }
            }
            if f.subjects.count > Finding.subjectsInID {
                w.stringPiece(literal: ",+")
                w.stringPiece(decimal: f.subjects.count - Finding.subjectsInID)
            }
        }
    }

    static func group(_ g: RejectionGroup, to w: inout JSONWriter) {
        w.object { w in
            w.field("count", g.count); w.field("firstSeen", g.firstSeen); w.field("helo", g.helo)
            w.key("ip"); ip(g.ip, &w); w.field("lastSeen", g.lastSeen); w.field("rule", g.rule.rawValue)
            w.key("samples"); w.array { w in
                g.samples.withUnsafeBufferPointer { r in
                    for i in r.indices {
                        w.object { w in
                            w.field("file", r[i].location.file); w.field("line", r[i].location.line); w.field("raw", r[i].raw)
                            w.field("side", r[i].side.rawValue); w.field("stage", r[i].stage.rawValue); w.field("time", r[i].time)
                        }
                    }
                }
            }
            w.field("side", g.samples.isEmpty ? nil : g.samples[0].side.rawValue)
        }
    }

    /// An address as a string (`null` for none): an IPv4 address as its four numbers, which is
    /// what `IPAddress.description` (`inet_ntop`) gives; IPv6 through `description`.
    static func ip(_ ip: IPAddress?, _ w: inout JSONWriter) {
        guard let ip else { return w.null() }
        w.joinedString { w in ipText(ip, &w) }
    }

    private static func ipText(_ ip: IPAddress, _ w: inout JSONWriter) {
        guard ip.bytes.count == 4 else { return w.stringPiece(ip.description) }
        ip.bytes.withUnsafeBufferPointer { b in
            w.stringPiece(decimal: Int(b[0])); w.stringPiece(literal: ".")
            w.stringPiece(decimal: Int(b[1])); w.stringPiece(literal: ".")
            w.stringPiece(decimal: Int(b[2])); w.stringPiece(literal: ".")
            w.stringPiece(decimal: Int(b[3]))
        }
    }

    /// ``Subject/text`` as pieces of a ``JSONWriter/joinedString(_:)``.
    private static func subjectText(_ s: Subject, _ w: inout JSONWriter) {
        switch s {
        case .domain(let d): w.stringPiece(d)
        case .hostName(let h): w.stringPiece(h)
        case .ip(let ip): ipText(ip, &w)
        case .file(let f): w.stringPiece(f)
        }
    }

    static func evidence(_ e: Evidence, _ w: inout JSONWriter) {
        switch e {
        case .file(let loc, let text):
            w.object { w in w.field("file", loc.file); w.field("kind", "file"); w.field("line", loc.line); w.field("text", text) }
        case .log(let g):
            w.object { w in w.field("kind", "log"); w.key("rejections"); group(g, to: &w) }
        case .dns(let query, let answer):
            w.object { w in w.field("answer", answer); w.field("kind", "dns"); w.field("query", query) }
        }
    }

    private static func remedy(_ r: RemedyOption, _ w: inout JSONWriter) {
        // The kind is the remedy's catalog name, which is also its `plan`/`apply` subcommand.
        let kind = r.suggestion.kind?.rawValue ?? "advice"
        let target = r.suggestion.target
        w.object { w in w.field("kind", kind); w.field("target", target); w.field("title", r.title); w.field("tradeOff", r.tradeOff) }
    }

    static func subject(_ s: Subject, _ w: inout JSONWriter) {
        let kind = switch s {
        case .domain: "domain"
        case .hostName: "host-name"
        case .ip: "ip"
        case .file: "file"
        }
        w.object { w in w.field("kind", kind); w.key("value"); w.joinedString { w in subjectText(s, &w) } }
    }
}
