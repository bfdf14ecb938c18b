import Diagnosis
import DomainDNS
import MailServer
import Remedy

/// The JSON document of `helofix inspect --format json` (documented in docs/json.md), written as it
/// goes. Keys are stable, in alphabetical order; scripts depend on them.
struct InspectJSON {
    let snapshot: ServerSnapshot
    let findings: [Finding]
    let logs: LogScanReport
    /// Interrupted transactions, one sentence each (waiting to be rolled back).
    var interrupted: [String] = []
    var dns: DNSReport = .notConsulted("--no-dns")

    func write(to w: inout JSONWriter) {
        w.beginObject()
        Self.writeHead(snapshot: snapshot, dns: dns, to: &w)
        writeRest(to: &w)
        w.endObject()
        w.flush()
    }

    /// The members up to `domains`: they need only the snapshot (and DNS), so `inspect` can write
    /// them while the rules run (``InspectJSONHead``).
    static func writeHead(snapshot s: ServerSnapshot, dns: DNSReport, to w: inout JSONWriter) {
        w.key("diagnostics"); w.array { w in for d in s.diagnostics { Self.diagnostic(d, &w) } }
        w.key("dns"); DNSJSON.report(dns, to: &w)
        // The biggest part of a big server's report: written on every core.
        let domains = s.domains, routes = dns.routes
        w.key("domains"); w.parallelArray(domains.count) { i, w in
            // Read in place: a copy of each domain is a retain and release per field.
            domains.withUnsafeBufferPointer { d in Self.domain(d[i], route: routes.isEmpty ? nil : routes[d[i].name], &w) }
        }
    }

    /// The members from `findings` on, after ``writeHead(snapshot:dns:to:)``.
    func writeRest(to w: inout JSONWriter) {
        let s = snapshot
        let findings = findings, groups = logs.groups
        // A flood's findings and rejection groups are most of its 60 MB: written on every core.
        // Read in place: a copy of each finding or group is a retain and release per field.
        w.key("findings"); w.parallelArray(findings.count) { i, w in findings.withUnsafeBufferPointer { FindingJSON.write($0[i], to: &w) } }
        w.key("greetings"); w.array { w in for g in s.greetings { greeting(g, &w) } }
        w.field("hostname", s.hostname)
        w.field("incomplete", s.incompleteSummary)
        w.key("interrupted"); w.array { w in for t in interrupted { w.string(t) } }
        w.key("ips"); w.array { w in for ip in s.ips { w.object { w in w.field("address", ip.address.description); w.field("file", ip.location.file); w.field("main", ip.isMain) } } }
        w.key("locks"); w.array { w in for l in s.locks { lock(l, &w) } }
        w.key("logs"); logSection(&w)
        w.field("platform", s.platform.rawValue)
        w.key("rejections"); w.parallelArray(groups.count) { i, w in groups.withUnsafeBufferPointer { FindingJSON.group($0[i], to: &w) } }
        w.field("root", s.root)
        w.key("settings"); settings(&w)
        w.field("version", 1)
        w.key("whitelist"); w.array { w in for e in s.whitelist { whitelist(e, &w) } }
    }

    private static func diagnostic(_ d: Diagnostic, _ w: inout JSONWriter) {
        w.object { w in w.field("file", d.location.file); w.field("line", d.location.line); w.field("message", d.message); w.field("problem", d.problem.rawValue); w.field("text", d.text) }
    }

    private static func domain(_ d: HostedDomain, route: DomainMailRoute?, _ w: inout JSONWriter) {
        // Most domains are in one list and, without DNS, have no route: their row is written in
        // pieces, the same bytes as the members below with a fifth of the calls (100,000 rows of
        // a big server were a tenth of an inspect's CPU without a log).
        if route == nil, d.lists.count == 1 {
            switch d.lists[0] {
            case .local: w.beginPieces("{\"lists\": [\"local\"], \"name\": ")
            case .remote: w.beginPieces("{\"lists\": [\"remote\"], \"name\": ")
            case .secondaryMX: w.beginPieces("{\"lists\": [\"secondarymx\"], \"name\": ")
            }
            w.piece(d.name)
            w.piece(literal: ", \"owner\": ")
            w.piece(d.owner)
            w.endPieces("}")
            return
        }
        w.object { w in
            if let route { w.key("dns"); DNSJSON.route(route, to: &w) }
            w.key("lists")
            // Most domains are in one list: its array as a literal (100,000 rows of a big server).
            if d.lists.count == 1 {
                switch d.lists[0] {
                case .local: w.literal("[\"local\"]")
                case .remote: w.literal("[\"remote\"]")
                case .secondaryMX: w.literal("[\"secondarymx\"]")
                }
            } else {
                w.array { w in for l in d.lists { w.string(l.rawValue) } }
            }
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
            w.field("stage", st.stage?.rawValue)
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
