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
    @Option(help: "The exim binary (default: exim or exim4 in /usr/sbin under --root).") var exim: String?
    @Option(help: "Exim configuration file to use (-C).") var config: String?

    func run() async throws {
        guard IPAddress(ip) != nil else { throw fail("\(ip) is not an IP address; give the sender's address, e.g. 203.0.113.10") }
        let sender = from ?? "postmaster@\(helo)"
        for (what, value) in [("greeting", helo), ("sender address", sender)] where value.isEmpty || value.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }) {
            throw fail("the \(what) must be one word without spaces or control characters")
        }
        let root = rootOptions.serverRoot
        guard let binary = exim ?? ["/usr/sbin/exim", "/usr/sbin/exim4"].map(root.hostPath).first(where: { access($0, X_OK) == 0 }) else {
            throw fail("no exim binary in /usr/sbin; give its path with --exim")
        }
        let outcome: EximGreetingCheck.Outcome
        do {
            outcome = try EximGreetingCheck(binary: binary, config: config, runner: ProcessCommandRunner()).run(ip: ip, helo: helo, sender: sender)
        } catch {
            throw fail("cannot run \(binary): \(error)")
        }
        let verdict: SMTPVerdict
        switch outcome {
        case .verdict(let answered): verdict = answered
        case .noAnswer(let status, let lastError): throw fail("\(binary) gave no SMTP answer (exit \(status)): \(lastError)")
        }
        var text = "\(verdict.accepted ? "ACCEPTED" : "REJECTED"): \(helo) from \(ip) at \(verdict.stage): \(verdict.answer)\n"
        if let log = verdict.logLine { text += "Exim logged: \(log)\n" }
        FileHandle.standardOutput.write(Data(text.utf8))
        if !verdict.accepted { throw ExitCode(1) }
    }
}
