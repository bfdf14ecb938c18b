import DomainDNS

/// The DNS evidence as JSON (docs/json.md, `dns`): per domain, and the run's summary.
enum DNSJSON {
    /// `{"addresses", "addressesHere", "mx", "reason", "verdict"}` (with `"domain"` first when asked).
    static func route(_ r: DomainMailRoute, withDomain: Bool = false, to w: inout JSONWriter) {
        w.object { w in
            w.key("addresses"); w.array { w in for a in r.addresses { w.string(a) } }
            w.key("addressesHere"); w.array { w in for a in r.addressesHere { w.string(a) } }
            if withDomain { w.field("domain", r.domain) }
            w.key("mx"); w.array { w in
                for h in r.mx {
                    w.object { w in
                        w.key("addresses"); w.array { w in for a in h.addresses { w.string(a) } }
                        w.field("cname", h.canonicalName)
                        w.field("name", h.name)
                        w.field("preference", h.preference)
                    }
                }
            }
            w.field("reason", r.reason)
            w.field("verdict", r.verdict.rawValue)
        }
    }

    /// The top-level `dns` object.
    static func report(_ report: DNSReport, to w: inout JSONWriter) {
        w.object { w in
            w.key("domains"); w.array { w in
                for (_, r) in report.routes.sorted(by: { $0.key < $1.key }) { route(r, withDomain: true, to: &w) }
            }
            w.field("message", report.statusLine)
            w.field("resolver", report.resolver.isEmpty ? nil : report.resolver)
            w.key("senders"); w.array { w in
                for s in report.senders {
                    w.object { w in
                        w.field("failure", s.failure?.rawValue)
                        w.field("ip", s.ip)
                        w.key("names"); w.array { w in for n in s.names { w.string(n) } }
                    }
                }
            }
            w.field("status", status(report.status))
            w.key("zones"); w.array { w in
                for z in report.zones {
                    w.object { w in
                        w.field("domain", z.domain)
                        w.field("failure", z.failure?.rawValue)
                        w.field("file", z.zone.file)
                        w.field("mxDiffers", z.failure == nil ? z.mxDiffers : nil)
                        w.key("publicMX"); w.array { w in for m in z.publicMX { w.string(m) } }
                        w.field("publicSPF", z.publicSPF)
                        w.field("spfDiffers", z.failure == nil ? z.spfDiffers : nil)
                        w.key("zoneMX"); w.array { w in for m in z.zone.mx { w.string(m) } }
                        w.field("zoneSPF", z.zone.spf)
                    }
                }
            }
        }
    }

    static func status(_ s: DNSReport.Status) -> String {
        switch s {
        case .notConsulted: "not-consulted"
        case .consulted: "consulted"
        case .noAnswer: "no-answer"
        }
    }
}
