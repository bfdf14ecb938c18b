import Diagnosis
import Remedy

/// A fix in progress: from the finding (or row) through options, form, preview and confirmation
/// to the transaction's result. Lives in ``ConsoleState/fix`` while it is on screen.
public struct FixFlow: Sendable {
    /// The step on screen.
    public var step: FixStep
    /// The finding being fixed (`nil` when fixing a bare row or rolling back).
    public var finding: Finding?
    /// What the fix is about, for the title (a finding's title, a row's text, a transaction id).
    public var subject: String
    /// The options (one for a direct fix).
    public var options: [FixOption]
    /// The highlighted option.
    public var selected: Int
    /// The chosen kind of change.
    public var kind: FixKind?
    /// The form's text.
    public var text: String
    /// The plan for ``text``.
    public var plan: PlanStatus
    /// What the admin typed to confirm.
    public var confirmation: String
    /// How the apply ended.
    public var outcome: FixOutcome?
    /// Scroll offset of the preview and explain steps.
    public var scroll: Int
    /// Set when the flow is part of the wizard.
    public var wizard: WizardProgress?
    /// Enter was pressed on the form while its value was still being checked: the preview opens
    /// when the answer comes, and keys typed meanwhile are not added to the value.
    public var awaitingCheck: Bool

    /// A flow starting at `step` with `options`.
    public init(step: FixStep, finding: Finding?, subject: String, options: [FixOption], wizard: WizardProgress? = nil) {
        self.step = step
        self.finding = finding
        self.subject = subject
        self.options = options
        // The wizard starts on the recommended option even when it is advice (the sender's own
        // fix); a direct fix starts on the first change helofix can make.
        selected = wizard != nil ? 0 : options.firstIndex { $0.kind != nil } ?? 0
        kind = nil
        text = ""
        plan = .none
        confirmation = ""
        outcome = nil
        scroll = 0
        self.wizard = wizard
        awaitingCheck = false
    }

    /// The target for the form's current text.
    public var target: FixTarget? { kind?.target(for: text) }

    /// The plan, when it is ready for the current text.
    public var readyPlan: Plan? {
        if case .ready(let t, let p) = plan, t == target { return p }
        return nil
    }

    /// The refusal for the current text, if any.
    public var refusal: String? {
        if case .refused(let t, let why) = plan, t == target { return why }
        return nil
    }

    /// The sender IP and greeting to ask Exim about: the finding's first logged rejection.
    public var verificationPair: (ip: String, helo: String)? {
        for e in finding?.evidence ?? [] {
            if case .log(let group) = e, let ip = group.ip { return (ip.description, group.helo) }
        }
        return nil
    }
}
