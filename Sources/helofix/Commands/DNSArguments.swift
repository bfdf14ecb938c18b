import ArgumentParser
import DomainDNS

/// `--no-dns`, `--dns findings|all`, `--resolver IP[:PORT]`, `--dns-timeout`, `--dns-tries`: whether
/// and how helofix asks public DNS where the domains' mail really goes.
struct DNSArguments: ParsableArguments {
    enum Scope: String, ExpressibleByArgument, CaseIterable { case findings, all }

    @Flag(name: .customLong("no-dns"), help: "Do not consult DNS (the report says so).")
    var noDNS = false
    @Option(name: .customLong("dns"), help: ArgumentHelp("Which domains to look up in DNS: the domains of findings, or all local domains.", valueName: "findings|all"))
    var scope: Scope = .findings
    @Option(name: .customLong("resolver"), help: ArgumentHelp("Ask this DNS server instead of the host's /etc/resolv.conf (never the one under --root).", valueName: "IP[:PORT]"))
    var resolver: String?
    @Option(name: .customLong("dns-timeout"), help: ArgumentHelp("Seconds to wait for each DNS reply.", valueName: "SECONDS"))
    var timeout = 2
    @Option(name: .customLong("dns-tries"), help: ArgumentHelp("Tries per DNS question.", valueName: "N"))
    var tries = 2

    func validate() throws {
        if let resolver { do { _ = try ResolverAddress(parsing: resolver) } catch { throw ValidationError(error.description) } }
        guard (1...30).contains(timeout) else { throw ValidationError("--dns-timeout must be 1 to 30 seconds") }
        guard (1...5).contains(tries) else { throw ValidationError("--dns-tries must be 1 to 5") }
    }

    /// The options for the DNS step.
    var options: DNSOptions {
        let server = resolver.flatMap { try? ResolverAddress(parsing: $0) }
        return DNSOptions(enabled: !noDNS, scope: scope == .all ? .all : .findings,
                          settings: ResolverSettings(server: server, timeoutSeconds: timeout, tries: tries))
    }
}
