import Analysis
import ArgumentParser
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
            See docs/fleet.md.
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
    @OptionGroup(title: "DNS evidence") var dnsArguments: DNSArguments

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
        // One DNS enrichment for all servers: one cache and one bound on questions in flight.
        let dns = DNSEvidence(options: dnsArguments.options)
        let members = FleetReader.read(root, names: names, enrichments: [dns])
        var servers = members.compactMap(\.server)
        // A domain two servers list, each with an owner: where its mail goes tells the stale copy.
        if dnsArguments.options.enabled { FleetMailRoutes(pool: dns.step.pool).complete(&servers) }
        let findings = FleetEngine().evaluate(servers)
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

    private func report(_ status: FleetCheckStatus) -> ExitCode {
        print(status.line)
        return ExitCode(status.state.rawValue)
    }
}
