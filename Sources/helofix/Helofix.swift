import ArgumentParser
import CLibcExtras
import Foundation
import MailServer

/// The `helofix` command: the console by default, plus scriptable subcommands.
@main
struct Helofix: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helofix",
        abstract: "Find and fix the conflicts behind \"550 Bad HELO - Host impersonating\" on cPanel, DirectAdmin and Exim servers.",
        discussion: """
            A receiving Exim server (cPanel/WHM, DirectAdmin or a custom configuration) refuses mail whose \
            SMTP greeting claims to be a domain it hosts or its own hostname. helofix reads the server's mail \
            files and logs, shows hosted domains, greeting names and whitelisted senders side by side, explains \
            each conflict with its evidence, and fixes it as one journaled transaction with a diff preview, a \
            backup and rollback. Every command takes --root DIR to read DIR as if it were / (a copy of a \
            server, the demo). Over SSH, run it with `ssh -t server helofix`.

            Exit codes: 0 success; 1 a remedy was refused or failed (nothing changed), or verify saw a \
            rejection; 2 the server tree cannot be read (no such root, not a mail server, no permission) or \
            the arguments are wrong; inspect --check uses the Nagios codes (0 OK, 1 WARNING, 2 CRITICAL, \
            3 UNKNOWN).

            Environment: NO_COLOR (set: no colours; marks stay), TERM (unknown terminals fall back to \
            xterm-256color, xterm, vt100), LANG/LC_ALL (not UTF-8: plain ASCII lines, as --ascii).

            Files: /var/lib/helofix/ (journal, backups by content hash, audit log); \
            ~/.config/helofix/themes/NAME.toml and ~/.config/helofix/keys.toml (your themes and keys); \
            /usr/share/helofix/themes/ (the built-in themes, to copy and edit).
            """,
        version: HelofixVersion.current,
        subcommands: [ConsoleCommand.self, WizardCommand.self, InspectCommand.self, ExplainCommand.self, DemoCommand.self, PlanCommand.self, FilesCommand.self, FleetCommand.self,
                      ApplyCommand.self, HistoryCommand.self, RollbackCommand.self, RecoverCommand.self, VerifyCommand.self],
        defaultSubcommand: ConsoleCommand.self)

    /// Runs the command; a usage error (unknown remedy, missing argument) exits 2, as the exit
    /// codes above promise, where ArgumentParser alone would exit 64.
    static func main() async {
        // inspect reads the server on this (the main) thread, in glibc's main arena, while the log
        // scan runs on one thread per core and a side task or two beside it. Up to two arenas more
        // than cores: the threads that allocate at once seldom share one, so they do not queue for
        // its lock (one arena for all cost a flood run 10,000 context switches and 0.1 s, `perf`).
        // glibc fixes the limit when the first thread allocates, so it is set here or never.
        // The main arena grows by 8 MiB at a time, not 132 KiB: each `brk` takes the address
        // space's lock that every other thread's page fault needs, and a big server's read grew it
        // 113 times (strace; docs/performance.md).
        if CommandLine.arguments.dropFirst().first == "inspect" {
            _ = cx_malloc_arena_limit(Int32(min(LogScanner.availableCores + 2, 64)))
            _ = cx_malloc_top_pad(8 << 20)
        }
        do {
            var command = try parseAsRoot(RemedyArgumentOrder.normalized(Array(CommandLine.arguments.dropFirst())))
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
