import Foundation
import Testing
import TestSupport

/// The command line's contract with scripts: the version, the exit code for wrong arguments, and
/// the demo server written where `inspect` can read it.
@Suite("helofix command line")
struct CommandLineTests {
    @Test func versionPrintsOneVersionNumber() throws {
        let result = try HelofixBinary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(result.stdout)")
    }

    /// `--help` promises exit 2 for wrong arguments (ArgumentParser's own code would be 64).
    @Test(arguments: [["--no-such-option"], ["inspect", "--format", "yaml"], ["no-such-command", "x"], ["rollback"]])
    func wrongArgumentsExitTwoWithAUsageLine(_ arguments: [String]) throws {
        let result = try HelofixBinary.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.status) \(result.stderr)")
        #expect(result.stderr.contains("Error:") || result.stderr.contains("error:"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let help = try HelofixBinary.run(["--help"])
        let words = help.stdout.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        #expect(help.status == 0 && words.contains("2 the server tree cannot be read") && words.contains("or the arguments are wrong"), "\(words)")
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsAreGenerated(_ shell: String) throws {
        let result = try HelofixBinary.run(["--generate-completion-script", shell])
        #expect(result.status == 0 && result.stdout.contains("inspect") && result.stdout.contains("rollback"), "\(result.stderr)")
    }

    @Test func demoCopyToWritesATreeInspectReads() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("helofix-demo-copy-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let written = try HelofixBinary.run(["demo", "--copy-to", dir])
        #expect(written.status == 0 && written.stdout.contains(dir), "\(written.stderr)")
        let inspect = try HelofixBinary.run(["inspect", "--root", dir])
        #expect(inspect.status == 0 && inspect.stdout.contains("shop.example.com"), "\(inspect.stderr)")
        let again = try HelofixBinary.run(["demo", "--copy-to", dir])
        #expect(again.status == 2 && again.stderr.contains("already exists"), "\(again.stderr)")
    }
}
