import ArgumentParser
import Analysis
import Diagnosis
import DomainDNS
import Foundation
import MailServer
import Remedy

/// `helofix inspect`: read-only report of the server's domains, greetings, whitelists, findings and
/// the impersonation rejections in its logs; `--check` turns it into a monitoring plugin.
///
/// Not an async command: its `run` then stays on the main thread, so the snapshot read allocates
/// from glibc's main arena and the scan's threads from arenas of their own (see `Helofix.main`).
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show hosted domains, greeting names, whitelisted senders, findings and log rejections (read-only).",
        discussion: """
            With --check, print one Nagios/Icinga status line (HELOFIX OK|WARNING|CRITICAL|UNKNOWN - …|perfdata) \
            and exit 0 OK, 1 WARNING (also: an interrupted transaction), 2 CRITICAL, 3 UNKNOWN (also when the root or \
            any mail file cannot be read: the data is incomplete, run as root).

            DNS evidence: for the domains of findings (orphans, stale traces, refused greetings, local-and-remote; \
            every local domain with --dns all) helofix asks public DNS for the MX hosts and their addresses and \
            compares them with this server's addresses: mail goes here, elsewhere (finding domain-moved-away), \
            nxdomain, or unknown (no answer: said, never guessed). It also asks the PTR of refused senders and \
            compares local zones' MX/SPF with public DNS. --no-dns turns this off; a resolver that never answers \
            costs at most --dns-timeout x --dns-tries seconds.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var rootOptions: RootOptions
    @Option(help: "Output format: text (for people) or json (for scripts; see docs/json.md).")
    var format: Format = .text
    @Option(name: .customLong("log"), help: ArgumentHelp("Read this Exim main log instead of the platform's (repeatable; .gz is read through gzip).", valueName: "FILE"))
    var logs: [String] = []
    @Flag(help: "Monitoring-plugin mode: one status line and the Nagios exit code.")
    var check = false
    @Flag(help: "Replay each refused sender through this host's exim -bh (nothing is delivered or logged) and mark what Exim accepts now as fixed since.")
    var confirm = false
    @Option(name: .customLong("exim-config"), help: ArgumentHelp("The Exim configuration --confirm uses (default: the platform's, under --root).", valueName: "FILE"))
    var eximConfig: String?
    @OptionGroup(title: "DNS evidence") var dnsArguments: DNSArguments

    func run() throws {
        let root = rootOptions.serverRoot
        let enrichments: [any AnalysisEnrichment] = confirm || eximConfig != nil ? [try eximEnrichment()] : []
        let pipeline = AnalysisPipeline(root: root,
                                        logs: logs.isEmpty ? .platformDefaults : .files(logs.map(LogFile.init(argument:))),
                                        enrichments: enrichments + [DNSEvidence(options: dnsArguments.options)])
        let progress = check ? nil : ScanProgressLine.forTerminal()
        // Without DNS the start of the JSON document needs only the snapshot: it is written while
        // the log scan and the rules still run (not under a progress line on the same terminal).
        let early = format == .json && !check && !dnsArguments.options.enabled && (progress == nil || isatty(1) == 0)
        let jsonHead = early ? SnapshotReadyWork<JSONWriter> { snapshot in
            var writer = JSONWriter(fd: 1)
            writer.beginObject()
            InspectJSON.writeHead(snapshot: snapshot, dns: .notConsulted("--no-dns"), to: &writer)
            writer.flush()
            return writer
        } : nil
        let events: @Sendable (AnalysisEvent) -> Void = { event in
            if case .snapshotRead(let snapshot) = event {
                jsonHead?.start(snapshot)
            }
            progress?.relay(event)
        }
        let analysis: AnalysisReport
        do {
            analysis = try pipeline.run(events: events)
        } catch {
            progress?.finish()
            if check { throw report(CheckStatus(unknown: error.description)) }
            throw fail(error.description)
        }
        progress?.finish()
        let (snapshot, findings, report) = (analysis.snapshot, analysis.findings, analysis.logs)
        for note in analysis.notes { FileHandle.standardError.write(Data("helofix: \(note)\n".utf8)) }
        let dns = analysis.dns ?? .notConsulted("--no-dns")
        // An interrupted change outranks everything: files may be half as before, half as after.
        let interrupted = TransactionHistory(root: root).interrupted().map {
            "interrupted transaction \($0.id) (\($0.remedy.terminalSafe)): the next helofix apply, rollback or recover rolls it back"
        }
        if check, let first = interrupted.first { throw self.report(CheckStatus(warning: first)) }
        if check, let incomplete = snapshot.incompleteSummary { throw self.report(CheckStatus(unknown: incomplete)) }
        if check { throw self.report(CheckStatus(findings: findings, logs: report)) }
        switch format {
        case .json:
            let json = InspectJSON(snapshot: snapshot, findings: findings, logs: report, interrupted: interrupted, dns: dns)
            if var writer = jsonHead?.finish() {
                json.writeRest(to: &writer)
                writer.endObject()
                writer.flush()
            } else {
                var writer = JSONWriter(fd: 1)
                json.write(to: &writer)
            }
            FileHandle.standardOutput.write(Data("\n".utf8))
        case .text:
            // Said first: every section below lacks what the unreadable files hold.
            let warning = interrupted.map { $0 + "\n" }.joined() + (interrupted.isEmpty ? "" : "\n")
                + (snapshot.incompleteSummary.map { "\($0)\nNo findings are drawn from incomplete data.\n\n" } ?? "")
            let text = warning + InspectText.render(snapshot, width: 80) + FindingsText.rejections(report, width: 80)
                + DNSText.render(dns, width: 80) + FindingsText.render(findings, width: 80)
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        let status: Int32 = !logs.isEmpty && !report.problems.isEmpty ? fail(report.problems.joined(separator: "; ")).rawValue : 0
        // The report is out and nothing else is pending (every write above is unbuffered, stdio is
        // flushed by exit): ending here spares freeing the snapshot, findings and groups one by
        // one, tens of milliseconds at 100,000 domains. The status is the one returning would give.
        Foundation.exit(status)
    }

    /// The Exim enrichment for --confirm: this host's exim with the configuration under --root
    /// (or --exim-config); a clear error when either is missing.
    private func eximEnrichment() throws -> EximEnrichment {
        let root = rootOptions.serverRoot
        guard let exim = EximConfirmation.hostBinary() else {
            throw fail("--confirm needs Exim on this host (/usr/sbin/exim or /usr/sbin/exim4); none was found")
        }
        if let eximConfig, access(eximConfig, R_OK) != 0 {
            throw fail("cannot read the Exim configuration \(eximConfig); give a readable file with --exim-config")
        }
        guard let config = EximConfirmation.configuration(root: root, platform: PlatformDetector.detect(root), explicit: eximConfig) else {
            throw fail("no Exim configuration under \(root.path) for --confirm; name one with --exim-config FILE")
        }
        return .replaying(EximConfirmation(exim: exim, config: config.path, localIP: nil, runner: ProcessCommandRunner()))
    }

    private func report(_ status: CheckStatus) -> ExitCode {
        print(status.line)
        return ExitCode(status.state.rawValue)
    }
}
