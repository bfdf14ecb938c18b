import Analysis
import ArgumentParser
import Console
import ConsoleRuntime
import Diagnosis
import DomainDNS
import Foundation
import MailServer

/// `helofix fleet DEST`: reads every host tree the Ansible playbook collected, runs the
/// single-server rules on each and the cross-server rules on all of them. Writes nothing.
struct FleetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fleet",
        abstract: "Read many servers collected with contrib/ansible/collect.yml and find conflicts between them (read-only).",
        discussion: """
            DEST holds one directory per server (DEST/<inventory_hostname>/), each read as that server's /. \
            Cross-server rules: domain-on-two-servers, shared-hostname, greeting-hosted-elsewhere, peer-refused. \
            Every finding names the server where the fix belongs and the helofix plan to run there. \
            With --check, print one Nagios/Icinga status line and exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN. \
            With --console, open the read-only console over every server: a server column in each list, s/S to show \
            one server at a time (or all; /@NAME Enter names one), the cross-server findings first with the plan and \
            ansible lines to run. When two servers list a domain and each has an account owning it, public DNS (unless \
            --no-dns) says which one keeps it, else the logs. See docs/fleet.md.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("The directory the playbook filled (helofix_dest).", valueName: "DEST"))
    var dest: String
    @Option(help: "Output format: text (for people) or json (for scripts; see docs/fleet.md).")
    var format: Format = .text
    @Flag(help: "Monitoring-plugin mode: one status line and the Nagios exit code.")
    var check = false
    @Option(help: ArgumentHelp("Put -i FILE in the ansible command lines printed for each fix.", valueName: "FILE"))
    var inventory: String?
    @Flag(help: "Open the read-only console over the whole fleet (a server column, s/S to choose a server).")
    var console = false
    @Option(help: ArgumentHelp("With --console: a built-in theme name or a theme .toml file.", valueName: "NAME|PATH"))
    var theme: String?
    @Flag(help: "With --console: plain ASCII line drawing instead of Unicode box characters.")
    var ascii = false
    @OptionGroup(title: "DNS evidence") var dnsArguments: DNSArguments

    func validate() throws {
        if console && (check || format != .text) { throw ValidationError("--console shows the fleet on screen; leave out --check and --format") }
        if !console && (theme != nil || ascii) { throw ValidationError("--theme and --ascii go with --console") }
    }

    func run() async throws {
        let absolute = dest.hasPrefix("/") ? dest : FileManager.default.currentDirectoryPath + "/" + dest
        let root = ServerRoot((absolute as NSString).standardizingPath)
        guard root.isDirectory("/") else {
            let message = "no such directory: \(dest); pass the directory given to the playbook as helofix_dest"
            if check { throw report(FleetCheckStatus(unknown: message)) }
            throw fail(message)
        }
        if PlatformDetector.detect(root) != nil {
            let message = "\(dest) is one server's root, not a fleet; pass the directory that holds one directory per server (helofix_dest), or use helofix inspect --root \(dest)"
            if check { throw report(FleetCheckStatus(unknown: message)) }
            throw fail(message)
        }
        guard let names = FleetReader.hostDirectories(root), !names.isEmpty else {
            let message = "\(dest) holds no server directories; run contrib/ansible/collect.yml with -e helofix_dest=\(dest) first"
            if check { throw report(FleetCheckStatus(unknown: message)) }
            throw fail(message)
        }
        if console { return try openConsole(root, names: names) }
        let (members, findings) = Self.analyse(root, names: names, dns: dnsArguments.options, forConsole: false)
        if check { throw report(FleetCheckStatus(members: members, findings: findings)) }
        switch format {
        case .json:
            var writer = JSONWriter(fd: 1)
            FleetJSON(dest: root.path, members: members, findings: findings, inventory: inventory).write(to: &writer)
            FileHandle.standardOutput.write(Data("\n".utf8))
        case .text:
            let text = FleetText.render(dest: root.path, members: members, findings: findings, inventory: inventory, width: 100)
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// Every server through the shared pipeline (a server per core), then the cross-server rules.
    static func analyse(_ root: ServerRoot, names: [String], dns options: DNSOptions, forConsole: Bool) -> ([FleetMember], [FleetFinding]) {
        // One DNS enrichment for all servers: one cache and one bound on questions in flight.
        let dns = DNSEvidence(options: options)
        let members = FleetReader.read(root, names: names, enrichments: [dns], forConsole: forConsole)
        var servers = members.compactMap(\.server)
        // A domain two servers list, each with an owner: where its mail goes tells the stale copy.
        if options.enabled { FleetMailRoutes(pool: dns.step.pool).complete(&servers) }
        return (members, FleetEngine().evaluate(servers))
    }

    /// The fleet in the console: read in the background after the first frame, never written.
    private func openConsole(_ root: ServerRoot, names: [String]) throws {
        let options = dnsArguments.options
        let inventory = inventory
        var launcher = FleetConsoleLauncher(dest: root.path, theme: theme, environment: ProcessInfo.processInfo.environment) {
            let (members, findings) = Self.analyse(root, names: names, dns: options, forConsole: true)
            return ConsoleData(fleet: members.compactMap(\.console), findings: findings, dest: root.path, inventory: inventory)
        }
        launcher.ascii = ascii
        let code = try consoleExitStatus(launcher.run)
        if code != 0 { throw ExitCode(code) }
    }

    private func report(_ status: FleetCheckStatus) -> ExitCode {
        print(status.line)
        return ExitCode(status.state.rawValue)
    }
}
