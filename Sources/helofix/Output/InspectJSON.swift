import Diagnosis
import MailServer

/// The JSON document of `helofix inspect --format json` (documented in docs/json.md), written as it
/// goes. Keys are stable, in alphabetical order; scripts depend on them.
struct InspectJSON {
    let snapshot: ServerSnapshot
    let findings: [Finding]
    let logs: LogScanReport

    func write(to w: inout JSONWriter) {
        let s = snapshot
        w.object { w in
            w.key("diagnostics"); w.array { w in for d in s.diagnostics { diagnostic(d, &w) } }
            w.key("domains"); w.array { w in for d in s.domains { domain(d, &w) } }
            w.key("findings"); w.array { w in for f in findings { FindingJSON.write(f, to: &w) } }
            w.key("greetings"); w.array { w in for g in s.greetings { greeting(g, &w) } }
            w.field("hostname", s.hostname)
            w.key("ips"); w.array { w in for ip in s.ips { w.object { w in w.field("address", ip.address.description); w.field("file", ip.location.file); w.field("main", ip.isMain) } } }
            w.key("locks"); w.array { w in for l in s.locks { lock(l, &w) } }
            w.key("logs"); logSection(&w)
            w.field("platform", s.platform.rawValue)
            w.key("rejections"); w.array { w in for g in logs.groups { FindingJSON.group(g, to: &w) } }
            w.field("root", s.root)
            w.key("settings"); settings(&w)
            w.field("version", 1)
            w.key("whitelist"); w.array { w in for e in s.whitelist { whitelist(e, &w) } }
        }
        w.flush()
    }

    private func diagnostic(_ d: Diagnostic, _ w: inout JSONWriter) {
        w.object { w in w.field("file", d.location.file); w.field("line", d.location.line); w.field("message", d.message); w.field("problem", d.problem.rawValue); w.field("text", d.text) }
    }

    private func domain(_ d: HostedDomain, _ w: inout JSONWriter) {
        w.object { w in
            w.key("lists"); w.array { w in for l in d.lists { w.string(l.rawValue) } }
            w.field("name", d.name)
            w.field("owner", d.owner)
        }
    }

    private func greeting(_ g: GreetingName, _ w: inout JSONWriter) {
        w.object { w in
            switch g.key {
            case .domain(let d): w.field("domain", d)
            case .default: w.field("domain", "*")
            case .ip: w.field("domain", nil as String?)
            }
            w.field("file", g.location.file)
            w.field("helo", g.helo)
            if case .ip(let ip) = g.key { w.field("ip", ip) } else { w.field("ip", nil as String?) }
            w.field("line", g.location.line)
        }
    }

    private func lock(_ l: LockFileInfo, _ w: inout JSONWriter) {
        w.object { w in w.field("holderAlive", l.holderAlive); w.field("path", l.path); w.field("pid", l.pid.map(Int.init)); w.field("program", l.program); w.field("target", l.target) }
    }

    private func logSection(_ w: inout JSONWriter) {
        w.object { w in
            w.key("files"); w.array { w in for f in logs.files { w.object { w in w.field("bytes", f.bytes); w.field("lines", f.lines); w.field("path", f.path); w.field("rejections", f.rejections) } } }
            w.key("problems"); w.array { w in for p in logs.problems { w.string(p) } }
            w.field("rejections", logs.rejections)
        }
    }

    private func settings(_ w: inout JSONWriter) {
        let st = snapshot.settings
        w.object { w in
            w.field("customMailhelo", snapshot.customMailhelo)
            w.field("customMailips", snapshot.customMailips)
            w.key("hostnameRule"); w.object { w in w.field("enabled", st.hostnameRule.enabled); w.field("source", st.hostnameRule.source) }
            w.key("localDomainRule"); w.object { w in w.field("enabled", st.localDomainRule.enabled); w.field("source", st.localDomainRule.source) }
            w.field("stage", st.stage)
            w.field("whitelistHostsIPAccept", st.whitelistHostsIPAccept)
        }
    }

    private func whitelist(_ e: WhitelistEntry, _ w: inout JSONWriter) {
        w.object { w in
            w.field("bypass", e.bypass.rawValue); w.field("bypassesHeloCheck", e.bypassesHeloCheck); w.field("entry", e.entry)
            w.field("file", e.location.file); w.field("grantsRelay", e.grantsRelay); w.field("kind", e.kind.rawValue)
            w.field("line", e.location.line); w.field("list", e.list); w.field("raw", e.raw); w.field("visibleToExim", e.visibleToExim)
        }
    }
}

/// Findings and rejection groups as JSON (also used by other commands that print findings).
enum FindingJSON {
    static func write(_ f: Finding, to w: inout JSONWriter) {
        w.object { w in
            w.key("evidence"); w.array { w in for e in f.evidence { evidence(e, &w) } }
            if let v = f.exim {
                w.key("exim"); w.object { w in w.field("reply", v.reply); w.field("verdict", v.verdict.rawValue) }
            }
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
                        w.field("side", r.side); w.field("stage", r.stage); w.field("time", r.time)
                    }
                }
            }
            w.field("side", g.samples.first?.side)
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
        let (kind, target): (String, String) = switch r.suggestion {
        case .renameHostname(let current): ("rename-hostname", current)
        case .editGreeting(let key): ("edit-greeting", key)
        case .whitelistSender(let ip): ("whitelist-sender", ip)
        case .removeDomainTraces(let d): ("remove-domain-traces", d)
        case .advice(let text): ("advice", text)
        }
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
