import ArgumentParser
import Foundation
import MailServer
import Remedy

/// `REMEDY ARGS…` as typed after `helofix plan` / `helofix apply`.
struct RemedyArguments: ParsableArguments {
    @Argument(help: ArgumentHelp("rename-hostname NAME | set-greeting DOMAIN|IP|'*' NAME | remove-greeting DOMAIN|IP|'*' | whitelist IP|CIDR | remove-domain DOMAIN",
                                 valueName: "REMEDY ARGS"))
    var words: [String] = []

    @Flag(help: "Accept what is refused by default: a bare hosted domain as greeting, a range wider than /16 (/48 IPv6), a domain an account still owns.")
    var force = false

    /// The request, or a one-line usage error.
    func request() throws -> RemedyRequest {
        guard let name = words.first else { throw fail("name a remedy: rename-hostname, set-greeting, remove-greeting, whitelist or remove-domain") }
        let args = Array(words.dropFirst())
        func need(_ count: Int, _ usage: String) throws {
            guard args.count == count else { throw fail("\(name) takes \(usage) (got \(args.count) argument\(args.count == 1 ? "" : "s"))") }
        }
        switch name {
        case "rename-hostname": try need(1, "NAME"); return .renameHostname(args[0])
        case "set-greeting": try need(2, "DOMAIN|IP|'*' NAME"); return .setGreeting(key: args[0], name: args[1])
        case "remove-greeting": try need(1, "DOMAIN|IP|'*'"); return .removeGreeting(key: args[0])
        case "whitelist": try need(1, "IP|CIDR"); return .whitelist(args[0])
        case "remove-domain": try need(1, "DOMAIN"); return .removeDomain(args[0])
        default: throw fail("unknown remedy \"\(name)\"; use rename-hostname, set-greeting, remove-greeting, whitelist or remove-domain")
        }
    }
}

/// What an edit command (apply, rollback, recover) needs: the executor exists only here.
struct EditSession {
    let root: ServerRoot
    let executor: TransactionExecutor

    init(root: ServerRoot, lockWait: Double) {
        self.root = root
        let env = ProcessInfo.processInfo.environment
        executor = TransactionExecutor(root: root, identity: .current(environment: env), clock: SystemTime(),
                                       runner: Self.platformRunner(root), lockWait: lockWait,
                                       hook: DebugPause.hook(environment: env))
    }

    /// Platform commands run only on the live server; for any other root they are the admin's steps.
    static func platformRunner(_ root: ServerRoot) -> (any CommandRunner)? {
        root.path == "/" ? ProcessCommandRunner() : nil
    }

    /// Rolls back interrupted transactions first, saying so on stderr.
    func recover() throws {
        do {
            for report in try TransactionRecovery(root: root, clock: SystemTime(), runner: Self.platformRunner(root)).run() {
                FileHandle.standardError.write(Data("helofix: \(report.message)\n".utf8))
            }
        } catch {
            throw fail("recovery of an interrupted transaction failed: \(error.message)", code: 1)
        }
    }

    /// Asks on a terminal; without one, `--yes` is required.
    static func confirm(_ question: String, yes: Bool) throws {
        if yes { return }
        guard isatty(0) == 1 else { throw fail("not a terminal, so nothing was applied: add --yes to apply without asking", code: 1) }
        FileHandle.standardError.write(Data("\(question) [y/N] ".utf8))
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        guard answer == "y" || answer == "yes" else { throw fail("nothing was applied", code: 1) }
    }
}

/// Prints a plan for an admin: what, why, risk, the diff, commands, what next.
enum PlanText {
    static func render(_ plan: Plan, root: ServerRoot) -> String {
        var out = "\(plan.title)\n\n\(plan.explanation)\n"
        if let risk = plan.risk { out += "\nRisk: \(risk)\n" }
        out += "\n" + plan.diff
        if !plan.commands.isEmpty {
            out += "\nWhy the commands run:\n" + plan.commands.map { "  \($0.program): \($0.why)\n" }.joined()
            if root.path != "/" {
                out += "\nSteps to run on the server (helofix runs platform commands only with --root /, never from a copied tree):\n"
                    + plan.commands.map { "  \($0.commandLine)\n" }.joined()
            }
        }
        if !plan.followUps.isEmpty { out += "\nAfterwards:\n" + plan.followUps.map { "  - \($0)\n" }.joined() }
        return out
    }
}

/// Reads the snapshot or exits with the reader's message.
func readSnapshot(_ root: ServerRoot) throws -> ServerSnapshot {
    do {
        return try SnapshotReader(root: root).read()
    } catch {
        throw fail(error.description)
    }
}
