import Foundation
import ProcessLaunch

/// Runs the built `helofix` executable (SwiftPM builds it next to the test bundle, because the
/// test target depends on it) and captures what it prints.
public enum HelofixBinary {
    /// The directory SwiftPM writes products to (the test runner lives there too).
    public static var productsDirectory: URL {
        let exe = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        var dir = exe.deletingLastPathComponent()
        // On Linux the runner is `<products>/helofixPackageTests.xctest`; on macOS it is inside a bundle.
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("helofix").path), dir.path != "/" {
            dir = dir.deletingLastPathComponent()
        }
        return dir
    }

    /// Path of the `helofix` executable.
    public static var path: String { productsDirectory.appendingPathComponent("helofix").path }

    /// URL of the `helofix` executable.
    public static var url: URL { productsDirectory.appendingPathComponent("helofix") }

    /// What a run printed and how it ended.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The same as ``Result``.
    public typealias Run = Result

    /// A started `helofix` process with its pipes.
    public struct Started {
        public var process: ChildProcess
        public var stdin: FileHandle
        public var stdout: FileHandle
        public var stderr: FileHandle
    }

    /// Starts `helofix ARGS` without waiting (for crash tests).
    public static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Started {
        let child = try ChildProcess.start([path] + arguments, stdin: .pipe, stdout: .pipe, stderr: .pipe,
                                           environment: ProcessInfo.processInfo.environment.merging(environment) { $1 })
        func handle(_ fd: Int32?) -> FileHandle { FileHandle(fileDescriptor: fd ?? -1, closeOnDealloc: true) }
        return Started(process: child, stdin: handle(child.stdin), stdout: handle(child.stdout), stderr: handle(child.stderr))
    }

    /// Runs `helofix` with `arguments` (optionally as another user via `setpriv`), feeding `input` on stdin.
    public static func run(_ arguments: [String], input: String? = nil, environment: [String: String]? = nil,
                           asUser: String? = nil) throws -> Result {
        try ProcessRunner.run(asUser.map { ["/usr/bin/setpriv", "--reuid=\($0)", "--regid=\($0 == "nobody" ? "nogroup" : $0)", "--clear-groups", path] } ?? [path],
                              arguments: arguments, stdin: input, environment: environment)
    }
}
