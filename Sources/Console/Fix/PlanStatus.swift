import Diagnosis
import Remedy

/// Where the plan for the current form value stands.
public enum PlanStatus: Sendable {
    /// Nothing asked yet.
    case none
    /// Asked the runtime to plan this target.
    case planning(FixTarget)
    /// The Remedy layer's plan.
    case ready(FixTarget, Plan)
    /// The Remedy layer's one-line refusal (shown under the field).
    case refused(FixTarget, String)
}
