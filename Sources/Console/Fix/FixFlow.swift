import Diagnosis
import Remedy

/// The steps of a fix, in order. Esc goes back one step; nothing is written before ``confirm``.
public enum FixStep: Sendable, Hashable {
    /// Wizard only: what is wrong, in plain words, with the evidence.
    case explain
    /// The options with their trade-offs, recommended first.
    case choose
    /// A remedy only the admin can carry out (the sender's own setup): what to do, then "done".
    case byHand
    /// The value to type, validated by the Remedy layer as it is typed.
    case form
    /// The plan: every file's unified diff and every command.
    case preview
    /// Name the change (type the domain or hostname for destructive ones).
    case confirm
    /// The transaction is running on the runtime's worker: the screen still answers keys (scroll,
    /// help), but nothing that would leave the step or start other work.
    case applying
    /// What was done, and whether the finding is gone.
    case result
}

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

/// How an apply ended.
public struct FixOutcome: Sendable {
    /// The transaction, when it committed.
    public var record: TransactionRecord?
    /// The refusal or failure (nothing was changed), when it did not.
    public var error: String?
    /// Whether the server has been read again since.
    public var reread: Bool
    /// Whether the finding is still reported after the re-read, and its title.
    public var findingStillThere: Finding?
    /// The answer of `exim -bh`, once asked.
    public var verification: String?
    /// Whether `exim -bh` is being asked now (a second `v` waits for this answer).
    public var verifying = false
}

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

/// Where the wizard is: which findings it has dealt with (fixed, done by hand or skipped).
public struct WizardProgress: Sendable, Hashable {
    /// Finding ids already shown.
    public var done: Set<String>
    /// How many findings have been fixed.
    public var fixed: Int
    /// How many findings were skipped with `s`.
    public var skipped: Int
    /// How many findings the admin marked as done by hand.
    public var byHand: Int

    /// A fresh wizard.
    public init() {
        done = []
        fixed = 0
        skipped = 0
        byHand = 0
    }

    /// Whether the wizard is still on its first finding and nothing has been done yet (so a
    /// later read with more severe findings may move it to the worst one).
    public var untouched: Bool { done.count <= 1 && fixed == 0 && skipped == 0 && byHand == 0 }
}
