import Console
import Diagnosis
import Foundation
import MailServer
import Remedy

/// Performs the fix screens' effects for the event loop: plans (read-only), applies through the
/// ``ConsoleEditor`` when there is one, replays a rejection through `exim -bh`, and reads the
/// history. Runs on the loop's thread, so an apply holds the loop until the transaction is done:
/// a hang-up during it is delivered after the commit, and the loop then restores the terminal.
struct FixWork {
    let root: ServerRoot
    let editor: ConsoleEditor?
    /// The latest snapshot (kept up to date by the loop), for planning; `nil` until the first read.
    var snapshot: ServerSnapshot?

    /// The Exim to ask, when there is one: on a server (`--root /`) its own exim with its own
    /// configuration; for a copy of a server under `--root DIR`, an exim (the copy's, else this
    /// machine's) run with the copy's `/etc/exim.conf` (`-C`), so it reads the copy's lists.
    var exim: (binary: String, config: String?)? {
        let names = ["/usr/sbin/exim", "/usr/sbin/exim4"]
        let own = names.map(root.hostPath).first { access($0, X_OK) == 0 }
        if root.path == "/" { return own.map { ($0, nil) } }
        let config = root.hostPath("/etc/exim.conf")
        guard access(config, R_OK) == 0, let binary = own ?? names.first(where: { access($0, X_OK) == 0 }) else { return nil }
        return (binary, config)
    }

    /// The event answering `effect` (apply is done by ``apply(_:plan:)``).
    func answer(_ effect: FixEffect) -> ConsoleEvent? {
        switch effect {
        case .plan(let target):
            return .fix(.planned(target, plan(target)))
        case .apply:
            return nil
        case .verify(let ip, let helo):
            return .fix(.verified(verify(ip: ip, helo: helo)))
        case .loadHistory:
            return .fix(.historyLoaded(TransactionHistory(root: root).list()))
        case .loadDiff(let id):
            return .fix(.diffLoaded(id: id, text: TransactionHistory(root: root).diff(id) ?? "no transaction \(id)"))
        }
    }

    /// The Remedy layer's plan (or refusal) for a target.
    func plan(_ target: FixTarget) -> Result<Plan, RemedyError> {
        do throws(RemedyError) {
            switch target {
            case .remedy(let request):
                guard let snapshot else { return .failure(RemedyError(.notApplicable, "the server is still being read; try again in a moment")) }
                return .success(try Planner(snapshot: snapshot, root: root).plan(request))
            case .rollback(let id): return .success(try Rollback(root: root).plan(id))
            }
        } catch {
            return .failure(error)
        }
    }

    /// Applies the previewed plan; without an editor (read-only) it refuses.
    func apply(_ target: FixTarget, plan: Plan?) -> ConsoleEvent {
        guard let editor else { return .fix(.applied(target, .failure(RemedyError(.notApplicable, FixText.readOnly)))) }
        guard let plan else { return .fix(.applied(target, .failure(RemedyError(.notApplicable, "no plan to apply; go back and check the value")))) }
        do throws(RemedyError) {
            var rollbackOf: String?
            if case .rollback(let id) = target { rollbackOf = id }
            return .fix(.applied(target, .success(try editor.apply(plan, rollbackOf: rollbackOf))))
        } catch {
            return .fix(.applied(target, .failure(error)))
        }
    }

    /// `exim -bh IP` with `EHLO NAME`, read the same way as `helofix verify`.
    func verify(ip: String, helo: String) -> String {
        guard let (binary, config) = exim else { return "Cannot verify: no exim binary (or no /etc/exim.conf under \(root.path))." }
        let check = EximGreetingCheck(binary: binary, config: config, runner: ProcessCommandRunner())
        guard case .verdict(let verdict)? = try? check.run(ip: ip, helo: helo, sender: "postmaster@\(helo)") else {
            return "Exim gave no SMTP answer; try helofix verify --ip \(ip) --helo \(helo) for details."
        }
        return "\(verdict.accepted ? "ACCEPTED" : "REJECTED") by Exim: \(helo) from \(ip) at \(verdict.stage): \(verdict.answer)"
    }
}
