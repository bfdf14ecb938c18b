import MailServer
#if canImport(Glibc)
import Glibc
#endif

/// Runs a plan's platform command, looking the program up INSIDE the server root
/// (`ROOT/usr/local/cpanel/bin/set_hostname`), so a test root's stand-in is used and a real server
/// (root `/`) runs the real one. A missing program is an error, never a silent skip.
struct PlatformCommandRunner {
    let root: ServerRoot
    let runner: any CommandRunner

    /// Throws unless the program exists and is executable.
    func check(_ command: PlatformCommand) throws(RemedyError) {
        let host = root.hostPath(command.program)
        guard access(host, X_OK) == 0 else {
            throw RemedyError(.notApplicable, "\(command.program) is missing or not executable on this server, so \"\(command.commandLine)\" cannot run; nothing was written (is the platform installed completely?)")
        }
    }

    /// Runs the command; throws when it cannot start or exits non-zero.
    @discardableResult
    func run(_ command: PlatformCommand) throws(RemedyError) -> CommandOutput {
        try check(command)
        let output: CommandOutput
        do {
            output = try runner.run(root.hostPath(command.program), command.arguments, input: nil)
        } catch {
            throw RemedyError(.failed, "cannot start \(command.program): \(error)")
        }
        guard output.status == 0 else {
            let said = (output.stderr + output.stdout).split(separator: "\n").last.map(String.init) ?? "no output"
            throw RemedyError(.failed, "\(command.commandLine) failed (exit \(output.status)): \(said)")
        }
        return output
    }
}
