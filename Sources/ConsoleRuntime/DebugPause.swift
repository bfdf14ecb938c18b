import Remedy
#if canImport(Glibc)
import Glibc
#endif

/// The tests' stop points in a transaction. A DEBUG build reads environment variables naming a
/// step (`after-journal`, `after-file-N`, `before-marker`):
/// - `HELOFIX_TEST_PAUSE_AT=STEP`: the process stops itself there with SIGSTOP, so a crash test
///   can SIGKILL it at that exact point;
/// - `HELOFIX_TEST_HOLD_AT=STEP` with `HELOFIX_TEST_HOLD_UNTIL=FILE`: only the transaction's thread
///   waits there until FILE exists, so a console test can press keys while an apply is running.
///
/// A release build compiles none of this: its hook is always ``StepHook/none`` and the variables'
/// names are not in the binary. Shared by the command line's edit commands and the console's editor.
public enum DebugPause {
    /// The hook for this environment (always ``StepHook/none`` in a release build).
    public static func hook(environment: [String: String]) -> StepHook {
        #if DEBUG
        if let step = environment["HELOFIX_TEST_PAUSE_AT"] {
            return StepHook { reached in if reached == step { Glibc.raise(SIGSTOP) } }
        }
        if let step = environment["HELOFIX_TEST_HOLD_AT"], let release = environment["HELOFIX_TEST_HOLD_UNTIL"] {
            return StepHook { reached in
                guard reached == step else { return }
                while access(release, F_OK) != 0 { usleep(10_000) }
            }
        }
        return .none
        #else
        return .none
        #endif
    }
}
