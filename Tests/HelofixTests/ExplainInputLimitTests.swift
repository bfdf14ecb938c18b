import Foundation
import ProcessLaunch
import ServerFixtures
import TestSupport
import Testing

/// Endless or huge input is refused with a clear line instead of being read into memory forever.
@Suite struct ExplainInputLimitTests {
    @Test func endlessStandardInputIsRefused() throws {
        let p = try ChildProcess.start([HelofixBinary.path, "explain"], stdin: .file("/dev/zero"), stdout: .null, stderr: .pipe)
        let message = String(decoding: FileHandle(fileDescriptor: p.stderr ?? -1, closeOnDealloc: false).readDataToEndOfFile(), as: UTF8.self)
        #expect(p.wait().status == 2)
        #expect(message.contains("standard input is over 1024 KiB"), "\(message)")
    }
}
