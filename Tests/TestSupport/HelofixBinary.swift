import Foundation

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
        public var process: Process
        public var stdin: FileHandle
        public var stdout: FileHandle
        public var stderr: FileHandle
    }

    /// Starts `helofix ARGS` without waiting (for crash tests).
    public static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Started {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let i = Pipe(), o = Pipe(), e = Pipe()
        process.standardInput = i
        process.standardOutput = o
        process.standardError = e
        try process.run()
        return Started(process: process, stdin: i.fileHandleForWriting, stdout: o.fileHandleForReading, stderr: e.fileHandleForReading)
    }

    /// Runs `helofix` with `arguments` (optionally as another user via `setpriv`), feeding `input` on stdin.
    public static func run(_ arguments: [String], input: String? = nil, environment: [String: String]? = nil,
                           asUser: String? = nil) throws -> Result {
        try ProcessRunner.run(asUser.map { ["/usr/bin/setpriv", "--reuid=\($0)", "--regid=\($0 == "nobody" ? "nogroup" : $0)", "--clear-groups", path] } ?? [path],
                              arguments: arguments, stdin: input, environment: environment)
    }
}

/// Runs a program and collects its output (both pipes drained concurrently, so large output cannot block).
public enum ProcessRunner {
    /// Runs `command + arguments`.
    public static func run(_ command: [String], arguments: [String] = [], stdin: String? = nil,
                           environment: [String: String]? = nil) throws -> HelofixBinary.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst()) + arguments
        if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.wait()
        process.waitUntilExit()
        return .init(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
    }
}
