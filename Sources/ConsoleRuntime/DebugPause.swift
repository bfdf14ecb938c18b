import Remedy
#if canImport(Glibc)
import Glibc
#endif

/// The crash tests' stop points: a DEBUG build reads an environment variable naming a transaction
/// step (`after-journal`, `after-file-N`, `before-marker`) and stops itself there with SIGSTOP so
/// the test can SIGKILL it at that exact point. A release build compiles none of this: its hook
/// is always ``StepHook/none`` and the variable's name is not in the binary. Shared by the
/// command line's edit commands and the console's editor.
public enum DebugPause {
    /// The hook for this environment (always ``StepHook/none`` in a release build).
    public static func hook(environment: [String: String]) -> StepHook {
        #if DEBUG
        guard let step = environment["HELOFIX_TEST_PAUSE_AT"] else { return .none }
        return StepHook { reached in if reached == step { Glibc.raise(SIGSTOP) } }
        #else
        return .none
        #endif
    }
}
