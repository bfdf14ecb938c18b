import ArgumentParser
import Diagnosis
import Dispatch
import Foundation
import MailServer
import Remedy

/// `helofix inspect`: read-only report of the server's domains, greetings, whitelists, findings and
/// the impersonation rejections in its logs; `--check` turns it into a monitoring plugin.
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show hosted domains, greeting names, whitelisted senders, findings and log rejections (read-only).",
        discussion: """
            With --check, print one Nagios/Icinga status line (HELOFIX OK|WARNING|CRITICAL|UNKNOWN - …|perfdata) \
            and exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (also when the root cannot be read).
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

    func run() async throws {
        let root = rootOptions.serverRoot
        let files = logs.isEmpty
            ? PlatformDetector.detect(root).map { LogFile.defaults(root: root, platform: $0) } ?? []
            : logs.map(LogFile.init(argument:))
        let progress = check ? nil : ScanProgressLine.forTerminal()
        // The logs are read on the other core while the snapshot is read here.
        let scan = BackgroundLogScan(files: files, progress: progress)
        let snapshot: ServerSnapshot
        do {
            snapshot = try SnapshotReader(root: root).read()
        } catch {
            _ = scan.wait()
            if check { throw report(CheckStatus(unknown: error.description)) }
            throw fail(error.description)
        }
        let report = scan.wait()
        progress?.finish()
        var findings = FindingEngine().evaluate(snapshot, rejections: report.groups)
        if confirm || eximConfig != nil { findings = try confirmWithExim(findings, snapshot: snapshot, groups: report.groups) }
        if check { throw self.report(CheckStatus(findings: findings, logs: report)) }
        switch format {
        case .json:
            var writer = JSONWriter(fd: 1)
            InspectJSON(snapshot: snapshot, findings: findings, logs: report).write(to: &writer)
            FileHandle.standardOutput.write(Data("\n".utf8))
        case .text:
            let text = InspectText.render(snapshot, width: 80) + FindingsText.rejections(report, width: 80)
                + FindingsText.render(findings, width: 80)
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        if !logs.isEmpty, !report.problems.isEmpty { throw fail(report.problems.joined(separator: "; ")) }
    }

    /// Replays the refused senders with the host's Exim and folds its verdicts into the findings.
    private func confirmWithExim(_ findings: [Finding], snapshot: ServerSnapshot, groups: [RejectionGroup]) throws -> [Finding] {
        let root = rootOptions.serverRoot
        guard let exim = EximConfirmation.hostBinary() else {
            throw fail("--confirm needs Exim on this host (/usr/sbin/exim or /usr/sbin/exim4); none was found")
        }
        let config: String?
        if let eximConfig {
            guard access(eximConfig, R_OK) == 0 else { throw fail("cannot read the Exim configuration \(eximConfig); give a readable file with --exim-config") }
            config = eximConfig
        } else if root.path == "/" {
            // The live server: Exim's own configuration, without -C, so Exim keeps its own user's access to the lists.
            config = nil
        } else if let path = EximConfirmation.configPath(for: snapshot.platform), access(root.hostPath(path), R_OK) == 0 {
            config = root.hostPath(path)
        } else {
            throw fail("no Exim configuration under \(root.hostPath("/")) for --confirm; name one with --exim-config FILE")
        }
        let confirmation = EximConfirmation(exim: exim, config: config, localIP: snapshot.ips.first(where: \.isMain)?.address ?? snapshot.ips.first?.address,
                                            runner: ProcessCommandRunner())
        let outcomes = confirmation.confirm(groups)
        for (sender, outcome) in outcomes.sorted(by: { $0.key.ip.description < $1.key.ip.description }) {
            if case .failed(let why) = outcome { FileHandle.standardError.write(Data("helofix: Exim could not confirm \(sender.greeting) from \(sender.ip): \(why)\n".utf8)) }
        }
        return EximConfirmedFindings.apply(findings) { ip, greeting in
            outcomes[EximConfirmation.Sender(ip: ip, greeting: greeting)]?.verdict
        }
    }

    private func report(_ status: CheckStatus) -> ExitCode {
        print(status.line)
        return ExitCode(status.state.rawValue)
    }
}

/// Reads the logs on a background thread; `wait()` returns the report.
final class BackgroundLogScan: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: LogScanReport?

    init(files: [LogFile], progress: ScanProgressLine?) {
        group.enter()
        DispatchQueue.global().async { [self] in
            result = LogScanner().scan(files, progress: progress)
            group.leave()
        }
    }

    func wait() -> LogScanReport {
        group.wait()
        return result!
    }
}
