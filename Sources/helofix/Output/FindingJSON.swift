import Diagnosis
import MailServer
import Remedy

/// Findings and rejection groups as JSON (also used by other commands that print findings).
enum FindingJSON {
    static func write(_ f: Finding, to w: inout JSONWriter) {
        w.object { w in
            w.key("evidence"); w.array { w in for e in f.evidence { evidence(e, &w) } }
            w.field("explanation", f.explanation)
            w.field("id", f.id)
            w.key("remedies"); w.array { w in for r in f.remedies { remedy(r, &w) } }
            w.field("rule", f.rule.rawValue)
            w.field("severity", f.severity.rawValue)
            w.key("subjects"); w.array { w in for s in f.subjects { subject(s, &w) } }
            w.field("title", f.title)
        }
    }

    static func group(_ g: RejectionGroup, to w: inout JSONWriter) {
        w.object { w in
            w.field("count", g.count); w.field("firstSeen", g.firstSeen); w.field("helo", g.helo)
            w.field("ip", g.ip?.description); w.field("lastSeen", g.lastSeen); w.field("rule", g.rule.rawValue)
            w.key("samples"); w.array { w in
                for r in g.samples {
                    w.object { w in
                        w.field("file", r.location.file); w.field("line", r.location.line); w.field("raw", r.raw)
                        w.field("side", r.side.rawValue); w.field("stage", r.stage.rawValue); w.field("time", r.time)
                    }
                }
            }
            w.field("side", g.samples.first?.side.rawValue)
        }
    }

    private static func evidence(_ e: Evidence, _ w: inout JSONWriter) {
        switch e {
        case .file(let loc, let text):
            w.object { w in w.field("file", loc.file); w.field("kind", "file"); w.field("line", loc.line); w.field("text", text) }
        case .log(let g):
            w.object { w in w.field("kind", "log"); w.key("rejections"); group(g, to: &w) }
        }
    }

    private static func remedy(_ r: RemedyOption, _ w: inout JSONWriter) {
        // The kind is the remedy's catalog name, which is also its `plan`/`apply` subcommand.
        let kind = r.suggestion.kind?.rawValue ?? "advice"
        let target = r.suggestion.target
        w.object { w in w.field("kind", kind); w.field("target", target); w.field("title", r.title); w.field("tradeOff", r.tradeOff) }
    }

    private static func subject(_ s: Subject, _ w: inout JSONWriter) {
        let kind = switch s {
        case .domain: "domain"
        case .hostName: "host-name"
        case .ip: "ip"
        case .file: "file"
        }
        w.object { w in w.field("kind", kind); w.field("value", s.text) }
    }
}
