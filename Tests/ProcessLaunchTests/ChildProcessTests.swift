import ProcessLaunch
import Testing

/// The one launcher, on real programs: output and input moved together, signals and time limits.
@Suite struct ChildProcessTests {
    @Test func feedsInputAndCollectsBothOutputs() throws {
        // 200 KiB each way: more than a pipe holds, so a launcher that wrote all input before
        // reading would block.
        let text = String(repeating: "x", count: 200 * 1024)
        let done = try ChildProcess.run(["/bin/sh", "-c", "cat; echo err >&2; exit 3"], input: Array(text.utf8))
        #expect(done.stdoutText == text)
        #expect(done.stderrText == "err\n")
        #expect(done.status == 3 && done.termination.exitStatus == 3 && !done.timedOut)
    }

    @Test func aChildThatNeverReadsItsInputIsNoProblem() throws {
        let done = try ChildProcess.run(["/bin/true"], input: Array(repeating: 0x41, count: 1 << 20))
        #expect(done.status == 0)
    }

    @Test func aMissingProgramIsALaunchError() {
        #expect(throws: LaunchError.self) { try ChildProcess.run(["/nonexistent/helofix-test-program"]) }
    }

    @Test func aChildPastItsTimeLimitIsKilled() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let done = try ChildProcess.run(["/bin/sleep", "30"], timeout: .milliseconds(200))
        #expect(done.timedOut)
        #expect(done.termination.signal == 9)
        #expect(clock.now - start < .seconds(10))
        let quick = try ChildProcess.run(["/bin/echo", "in time"], timeout: .seconds(20))
        #expect(!quick.timedOut && quick.stdoutText == "in time\n")
    }

    @Test func aChildThatClosedItsOutputsIsStillTimed() throws {
        let done = try ChildProcess.run(["/bin/sh", "-c", "exec >&- 2>&-; sleep 30"], timeout: .milliseconds(200))
        #expect(done.timedOut)
    }
}
