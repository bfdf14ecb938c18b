import Foundation
import ServerFixtures
import Testing
import TestSupport

/// The console in a real terminal (tmux) with a real DNS server (dnsmasq): the first frame comes
/// at once, and the DNS verdicts join the domains pane when the answers arrive.
@Suite(.serialized) struct ConsoleDNSEndToEndTests {
    @Test func verdictsAppearInTheDomainsPane() throws {
        let dns = try LoopbackDNS(records: InspectDNSTests.records)
        defer { dns.stop() }
        let root = try InspectDNSTests.root()
        defer { root.remove() }
        let run = "env TERM=tmux-256color LANG=C.UTF-8 HOME=\(shellQuoted(root.path)) \(shellQuoted(HelofixBinary.path)) --read-only --root \(shellQuoted(root.path)) --resolver \(dns.resolver); echo exit=$?; sleep 60"
        let tmux = try TmuxSession(width: 120, height: 30, command: "sh -c \(shellQuoted(run))")
        let shown = tmux.waitFor(timeout: 15) { $0.contains("no owner → away") && $0.contains("no owner → here") }
        #expect(shown.ok, "no DNS verdicts on screen:\n\(shown.screen)")
        let lines = shown.screen.split(separator: "\n").map { String($0.prefix(40)) }
        #expect(lines.contains { $0.contains("shop.example.com") && $0.contains("→ away") }, "\(shown.screen)")
        #expect(lines.contains { $0.contains("stay.example.net") && $0.contains("→ here") }, "\(shown.screen)")
        tmux.send("q")
        #expect(tmux.waitFor("exit=0").ok)
    }
}
