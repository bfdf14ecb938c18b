import Foundation

/// The built `helofix` executable, next to the test bundle in `.build/<config>/`.
public enum HelofixBinary {
    /// Its URL (the products directory holds the test runner and the executables).
    public static var url: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ]
        for dir in candidates {
            let url = dir.appendingPathComponent("helofix")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return candidates[0].appendingPathComponent("helofix")
    }

    /// What a run printed and how it ended.
    public struct Run: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `helofix ARGS` with extra environment variables and waits for it.
    public static func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws -> Run {
        let process = try start(arguments, environment: environment)
        if let input { try process.stdin.write(contentsOf: Data(input.utf8)) }
        try process.stdin.close()
        let out = process.stdout.readDataToEndOfFile()
        let err = process.stderr.readDataToEndOfFile()
        process.process.waitUntilExit()
        return Run(status: process.process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                   stderr: String(decoding: err, as: UTF8.self))
    }

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
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let i = Pipe(), o = Pipe(), e = Pipe()
        process.standardInput = i
        process.standardOutput = o
        process.standardError = e
        try process.run()
        return Started(process: process, stdin: i.fileHandleForWriting, stdout: o.fileHandleForReading, stderr: e.fileHandleForReading)
    }
}
