#if canImport(Glibc)
import Glibc
#endif

/// Holds back SIGHUP, SIGINT and SIGTERM during the commit step (docs/changes.md, rule 8) so a dropped
/// SSH session or a stray Ctrl-C cannot stop helofix between two files. The mask is per thread and
/// Swift runs commands on pool threads, so a kill could land on another thread: the signals are
/// therefore also caught process-wide and only recorded, then re-raised once the previous mask and
/// handlers are back. (SIGKILL cannot be caught: the journal covers that case.)
struct SignalShield {
    private static let signals = [SIGHUP, SIGINT, SIGTERM]
    /// Bit per signal number caught while the shield was up (written by the handler only).
    nonisolated(unsafe) private static var pending: UInt64 = 0
    private var previousMask = sigset_t()
    private var previousActions: [sigaction] = []

    /// Blocks the signals in this thread and catches them in every other.
    static func raise() -> SignalShield {
        var shield = SignalShield()
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        sigprocmask(SIG_BLOCK, &set, &shield.previousMask)
        pending = 0
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in SignalShield.pending |= 1 << UInt64(number) }
            sigfillset(&action.sa_mask)
            action.sa_flags = 0
            var old = sigaction()
            sigaction(signal, &action, &old)
            shield.previousActions.append(old)
        }
        return shield
    }

    /// Restores handlers and mask, then delivers what was held back.
    func lower() {
        for (signal, old) in zip(Self.signals, previousActions) {
            var action = old
            sigaction(signal, &action, nil)
        }
        var mask = previousMask
        sigprocmask(SIG_SETMASK, &mask, nil)
        let caught = Self.pending
        Self.pending = 0
        // kill(), not raise(): this thread may block them anyway (Dispatch pool threads do); another will take it.
        for signal in Self.signals where caught & (1 << UInt64(signal)) != 0 { kill(getpid(), signal) }
    }
}
