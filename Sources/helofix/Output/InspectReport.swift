import Foundation
import MailServer

/// The JSON document of `helofix inspect --format json` (documented in docs/json.md).
/// Keys are stable: scripts depend on them.
struct InspectReport: Encodable {
    struct Domain: Encodable {
        var name: String; var lists: [String]; var owner: String?
        enum CodingKeys: CodingKey { case name, lists, owner }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(lists, forKey: .lists)
            try c.encode(owner, forKey: .owner)
        }
    }
    struct Greeting: Encodable {
        var domain: String?; var ip: String?; var helo: String; var file: String; var line: Int?
        enum CodingKeys: CodingKey { case domain, ip, helo, file, line }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(domain, forKey: .domain)
            try c.encodeIfPresent(ip, forKey: .ip)
            try c.encode(helo, forKey: .helo)
            try c.encode(file, forKey: .file)
            try c.encode(line, forKey: .line)
        }
    }
    struct Whitelist: Encodable {
        var entry: String; var list: String; var file: String; var line: Nullable<Int>; var kind: String
        var bypassesHeloCheck: Bool; var bypass: String; var visibleToExim: Bool; var grantsRelay: Bool; var raw: String
    }
    struct Rule: Encodable { var enabled: Nullable<Bool>; var source: String }
    struct Settings: Encodable {
        var hostnameRule: Rule; var localDomainRule: Rule; var stage: String?; var whitelistHostsIPAccept: Bool?
        var customMailhelo: Bool; var customMailips: Bool
    }
    struct Problem: Encodable {
        var file: String; var line: Int?; var problem: String; var text: String; var message: String
        enum CodingKeys: CodingKey { case file, line, problem, text, message }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(file, forKey: .file)
            try c.encode(line, forKey: .line)
            try c.encode(problem, forKey: .problem)
            try c.encode(text, forKey: .text)
            try c.encode(message, forKey: .message)
        }
    }
    struct IP: Encodable { var address: String; var main: Bool; var file: String }
    struct Lock: Encodable { var path: String; var target: String; var pid: Int32?; var program: String?; var holderAlive: Bool }
    struct Trace: Encodable { var domain: String; var kind: String; var file: String; var line: Int? }

    var version = 1
    var root: String
    var platform: String
    var hostname: Nullable<String>
    var ips: [IP]
    var domains: [Domain]
    var greetings: [Greeting]
    var whitelist: [Whitelist]
    var settings: Settings
    var traces: [Trace]
    var locks: [Lock]
    var diagnostics: [Problem]

    init(snapshot s: ServerSnapshot) {
        root = s.root
        platform = s.platform.rawValue
        hostname = Nullable(s.hostname)
        ips = s.ips.map { IP(address: $0.address.description, main: $0.isMain, file: $0.location.file) }
        domains = s.domains.map { Domain(name: $0.name, lists: $0.lists.map(\.rawValue), owner: $0.owner) }
        greetings = s.greetings.map { g in
            switch g.key {
            case .domain(let d): Greeting(domain: d, ip: nil, helo: g.helo, file: g.location.file, line: g.location.line)
            case .default: Greeting(domain: "*", ip: nil, helo: g.helo, file: g.location.file, line: g.location.line)
            case .ip(let ip): Greeting(domain: nil, ip: ip, helo: g.helo, file: g.location.file, line: g.location.line)
            }
        }
        whitelist = s.whitelist.map {
            Whitelist(entry: $0.entry, list: $0.list, file: $0.location.file, line: Nullable($0.location.line), kind: $0.kind.rawValue,
                      bypassesHeloCheck: $0.bypassesHeloCheck, bypass: $0.bypass.rawValue, visibleToExim: $0.visibleToExim,
                      grantsRelay: $0.grantsRelay, raw: $0.raw)
        }
        settings = Settings(hostnameRule: Rule(enabled: Nullable(s.settings.hostnameRule.enabled), source: s.settings.hostnameRule.source),
                            localDomainRule: Rule(enabled: Nullable(s.settings.localDomainRule.enabled), source: s.settings.localDomainRule.source),
                            stage: s.settings.stage, whitelistHostsIPAccept: s.settings.whitelistHostsIPAccept,
                            customMailhelo: s.customMailhelo, customMailips: s.customMailips)
        traces = s.traces.map { Trace(domain: $0.domain, kind: $0.kind.rawValue, file: $0.location.file, line: $0.location.line) }
        locks = s.locks.map { Lock(path: $0.path, target: $0.target, pid: $0.pid, program: $0.program, holderAlive: $0.holderAlive) }
        diagnostics = s.diagnostics.map {
            Problem(file: $0.location.file, line: $0.location.line, problem: $0.problem.rawValue, text: $0.text, message: $0.message)
        }
    }

    /// Pretty-printed, key-sorted JSON.
    func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
