import ArgumentParser
import Foundation
import MailServer
import Remedy

/// `helofix verify`: runs the server's real `exim -bh IP` with `EHLO NAME`, `MAIL FROM` and
/// `QUIT`, and reports whether Exim accepts the greeting, with Exim's own answer (docs/changes.md, "Checking the result with the real Exim").
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Ask the real Exim (exim -bh) whether a sender's greeting is accepted now.",
        discussion: "Nothing is delivered: -bh runs a fake SMTP session through the real ACLs. Exit codes: 0 ACCEPTED; 1 REJECTED; 2 Exim could not run.")

    @OptionGroup var rootOptions: RootOptions
    @Option(help: "The sender's IP address.") var ip: String
    @Option(help: "The greeting (HELO/EHLO name) the sender uses.") var helo: String
    @Option(help: "The envelope sender for MAIL FROM (default postmaster@NAME).") var from: String?
    @Option(help: "The exim binary on this host (default: /usr/sbin/exim or /usr/sbin/exim4; never one under --root).") var exim: String?
    @Option(help: "Exim configuration file to use (-C; default: the platform's under --root, Exim's own on /).") var config: String?
    @Option(name: .customLong("local-ip"), help: "The address the sender connects to ($interface_address; default: none).") var localIP: String?

    func run() async throws {
        guard let address = IPAddress(ip) else { throw fail("\(ip) is not an IP address; give the sender's address, e.g. 203.0.113.10") }
        let sender = from ?? "postmaster@\(helo)"
        for (what, value) in [("greeting", helo), ("sender address", sender)] where value.isEmpty || value.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }) {
            throw fail("the \(what) must be one word without spaces or control characters")
        }
        let local = try localIP.map { value in
            guard let a = IPAddress(value) else { throw fail("\(value) is not an IP address; give the server's address the sender connects to") }
            return a
        }
        let root = rootOptions.serverRoot
        guard let binary = exim ?? EximConfirmation.hostBinary() else {
            throw fail("no exim binary in /usr/sbin on this host; give its path with --exim")
        }
        var configuration = config
        if configuration == nil, root.path != "/", let platform = PlatformDetector.detect(root),
           let path = EximConfirmation.configPath(for: platform), access(root.hostPath(path), R_OK) == 0 {
            configuration = root.hostPath(path)
        }
        let replay = EximConfirmation(exim: binary, config: configuration, localIP: local, runner: ProcessCommandRunner())
            .replay(.init(ip: address, greeting: helo), mailFrom: sender)
        let verdict: EximVerdict
        switch replay {
        case .verdict(let v): verdict = v
        case .failed(let why): throw fail(why)
        }
        var text = "\(verdict.verdict == .accepted ? "ACCEPTED" : "REJECTED"): \(helo) from \(ip) at \(verdict.stage): \(verdict.reply)\n"
        if let log = verdict.logLine { text += "Exim logged: \(log)\n" }
        FileHandle.standardOutput.write(Data(text.utf8))
        if verdict.verdict != .accepted { throw ExitCode(1) }
    }
}
