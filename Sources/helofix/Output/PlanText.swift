import MailServer
import Remedy

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

