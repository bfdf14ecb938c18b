import Console
import Diagnosis
import Foundation
import MailServer
import Remedy

/// Does the fix screens' work: plans (read-only), applies through the ``ConsoleEditor`` when
/// there is one, replays a rejection through `exim -bh`, and reads the history. ``FixWorker`` runs
/// it off the screen's thread; nothing here keeps state between calls.
struct FixWork: Sendable {
    let root: ServerRoot
    let editor: ConsoleEditor?

    /// The Exim to ask, when there is one: always this host's exim (never a program inside the
    /// root); on a server (`--root /`) with its own configuration, for a copy of a server under
    /// `--root DIR` with the copy's `/etc/exim.conf` (`-C`), so it reads the copy's lists.
    var exim: (binary: String, config: String?)? {
        guard let binary = EximConfirmation.hostBinary() else { return nil }
        if root.path == "/" { return (binary, nil) }
        let config = root.hostPath("/etc/exim.conf")
        guard access(config, R_OK) == 0 else { return nil }
        return (binary, config)
    }

    /// The event answering `effect` (apply is done by ``apply(_:plan:)``); plans are made on
    /// `snapshot`, the newest read when the effect was asked for.
    func answer(_ effect: FixEffect, snapshot: ServerSnapshot?) -> ConsoleEvent? {
        switch effect {
        case .plan(let target):
            return .fix(.planned(target, plan(target, snapshot: snapshot)))
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
    func plan(_ target: FixTarget, snapshot: ServerSnapshot?) -> Result<Plan, RemedyError> {
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
            // On a copy the platform's commands are steps for the server (the preview and the
            // result say so): only the files are applied here.
            var applied = plan
            if root.path != "/" { applied.commands = [] }
            return .fix(.applied(target, .success(try editor.apply(applied, rollbackOf: rollbackOf))))
        } catch {
            return .fix(.applied(target, .failure(error)))
        }
    }

    /// `exim -bh IP` with `EHLO NAME`: the same replay as `helofix verify` and `inspect --confirm`.
    func verify(ip: String, helo: String) -> String {
        guard let (binary, config) = exim else { return "Cannot verify: no exim binary (or no /etc/exim.conf under \(root.path))." }
        guard let address = IPAddress(ip) else { return "Cannot verify: \(ip) is not an IP address." }
        let replay = EximConfirmation(exim: binary, config: config, localIP: nil, runner: ProcessCommandRunner())
            .replay(.init(ip: address, greeting: helo))
        guard let verdict = replay.verdict else {
            return "Exim gave no SMTP answer; try helofix verify --ip \(ip) --helo \(helo) for details."
        }
        return "\(verdict.verdict == .accepted ? "ACCEPTED" : "REJECTED") by Exim: \(helo) from \(ip) at \(verdict.stage): \(verdict.reply)"
    }
}
