import Diagnosis
import MailServer

/// The JSON document of `helofix fleet --format json` (docs/fleet.md). Keys in alphabetical order;
/// single-server findings have the same shape as in `inspect --format json`.
struct FleetJSON {
    let dest: String
    let members: [FleetMember]
    let findings: [FleetFinding]
    let inventory: String?

    func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("dest", dest)
            w.key("fleetFindings"); w.array { w in for f in findings { finding(f, &w) } }
            w.key("servers"); w.array { w in for m in members { member(m, &w) } }
            w.field("version", 1)
        }
        w.flush()
    }

    private func finding(_ f: FleetFinding, _ w: inout JSONWriter) {
        w.object { w in
            w.key("evidence"); w.array { w in
                for e in f.evidence {
                    w.object { w in w.key("from"); FindingJSON.evidence(e.evidence, &w); w.field("server", e.server) }
                }
            }
            w.field("explanation", f.explanation)
            w.field("fixOn", f.fixOn)
            w.field("id", f.id)
            w.key("remedies"); w.array { w in
                for r in f.remedies {
                    w.object { w in
                        w.field("ansible", r.ansibleCommand(inventory: inventory)); w.field("plan", r.planCommand)
                        w.field("server", r.server); w.field("title", r.title); w.field("tradeOff", r.tradeOff)
                    }
                }
            }
            w.field("rule", f.rule.rawValue)
            w.key("servers"); w.array { w in for s in f.servers { w.string(s) } }
            w.field("severity", f.severity.rawValue)
            w.key("subjects"); w.array { w in for s in f.subjects { FindingJSON.subject(s, &w) } }
            w.field("title", f.title)
        }
    }

    private func member(_ m: FleetMember, _ w: inout JSONWriter) {
        w.object { w in
            w.key("findings"); w.array { w in for f in m.findings { FindingJSON.write(f, to: &w) } }
            w.field("hostname", m.server?.hostname)
            w.field("name", m.name)
            w.field("platform", m.server?.platform.rawValue)
            w.key("problems"); w.array { w in for p in m.problems { w.string(p) } }
            w.field("read", m.server != nil)
            w.field("rejections", m.rejections)
            w.field("root", m.root)
        }
    }
}
