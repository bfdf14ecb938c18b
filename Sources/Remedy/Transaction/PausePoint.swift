#if canImport(Glibc)
import Glibc
#endif

/// Test-only stops (`HELOFIX_TEST_PAUSE_AT=after-journal|after-file-N|before-marker`): the process
/// stops itself with SIGSTOP at that step so a crash test can SIGKILL it there.
public struct PausePoint: Sendable, Hashable {
    let name: String?

    /// No pauses (normal operation).
    public static let none = PausePoint(name: nil)

    /// Pause at the named step.
    public init(name: String?) { self.name = name }

    func reached(_ step: String) {
        if step == name { Glibc.raise(SIGSTOP) }
    }
}
