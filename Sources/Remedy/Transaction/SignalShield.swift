#if canImport(Glibc)
import Glibc
#endif

/// Blocks SIGHUP, SIGINT and SIGTERM during the commit step (safe-changes rule 8) so a dropped SSH
/// session or a stray Ctrl-C cannot stop helofix between two files; they are delivered once the
/// previous mask is restored. (SIGKILL cannot be blocked: the journal covers that case.)
struct SignalShield {
    private var previous = sigset_t()

    /// Blocks the signals and remembers the old mask.
    static func raise() -> SignalShield {
        var shield = SignalShield()
        var set = sigset_t()
        sigemptyset(&set)
        for signal in [SIGHUP, SIGINT, SIGTERM] { sigaddset(&set, signal) }
        sigprocmask(SIG_BLOCK, &set, &shield.previous)
        return shield
    }

    /// Restores the old mask (pending signals are delivered now).
    func lower() {
        var old = previous
        sigprocmask(SIG_SETMASK, &old, nil)
    }
}

/// Test-only stops (`HELOFIX_TEST_PAUSE_AT=after-journal|after-file-N|before-marker`): the process
/// stops itself with SIGSTOP at that step so a crash test can SIGKILL it there.
public struct PausePoint: Sendable, Hashable {
    let name: String?

    /// No pauses (normal operation).
    public static let none = PausePoint(name: nil)

    /// Pause at the named step.
    public init(name: String?) { self.name = name }

    func reached(_ step: String) {
        if step == name { raise(SIGSTOP) }
    }
}
