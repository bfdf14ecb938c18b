import Remedy

/// Prints a plan for an admin: what, why, risk, the diff, commands, what next.
enum PlanText {
    static func render(_ plan: Plan) -> String {
        var out = "\(plan.title)\n\n\(plan.explanation)\n"
        if let risk = plan.risk { out += "\nRisk: \(risk)\n" }
        out += "\n" + plan.diff
        if !plan.commands.isEmpty {
            out += "\nWhy the commands run:\n" + plan.commands.map { "  \($0.program): \($0.why)\n" }.joined()
        }
        if !plan.followUps.isEmpty { out += "\nAfterwards:\n" + plan.followUps.map { "  - \($0)\n" }.joined() }
        return out
    }
}

