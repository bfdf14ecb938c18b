import ArgumentParser
import ConsoleRuntime

/// Runs a console launcher (`console`, `demo`, `fleet --console`) and returns its exit status;
/// a console that cannot start becomes the one-line error and status of ``fail(_:code:)``.
func consoleExitStatus(_ run: () throws(ConsoleLaunchError) -> Int32) throws(ExitCode) -> Int32 {
    do {
        return try run()
    } catch {
        throw fail(error.message, code: error.status)
    }
}
