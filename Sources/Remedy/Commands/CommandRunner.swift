import Foundation

/// What a command printed and how it ended.
public struct CommandOutput: Sendable, Hashable {
    /// Exit status, and what it printed.
    public var status: Int32
    public var stdout: String
    public var stderr: String

    /// Creates an output.
    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// Runs a program (a host path) with arguments and optional standard input; injected so the
/// transaction code never starts processes on its own.
public protocol CommandRunner: Sendable {
    /// Runs `executable` and waits for it.
    func run(_ executable: String, _ arguments: [String], input: [UInt8]?) throws -> CommandOutput
    /// Runs `executable` and waits at most `timeout`: then it is killed and ``CommandTimedOut`` thrown.
    func run(_ executable: String, _ arguments: [String], input: [UInt8]?, timeout: Duration) throws -> CommandOutput
}

extension CommandRunner {
    /// A runner that cannot bound time waits as long as the program runs.
    public func run(_ executable: String, _ arguments: [String], input: [UInt8]?, timeout: Duration) throws -> CommandOutput {
        try run(executable, arguments, input: input)
    }
}

/// The program ran longer than it was allowed and was killed.
public struct CommandTimedOut: Error, Sendable, CustomStringConvertible {
    /// The program.
    public var executable: String
    /// The limit it exceeded.
    public var timeout: Duration
    public var description: String { "\(executable) did not finish within \(timeout) and was stopped" }
}

/// Runs programs with Foundation's `Process`.
public struct ProcessCommandRunner: CommandRunner {
    /// Creates the runner.
    public init() {}

    public func run(_ executable: String, _ arguments: [String], input: [UInt8]?) throws -> CommandOutput {
        try run(executable, arguments, input: input, limit: nil)
    }

    public func run(_ executable: String, _ arguments: [String], input: [UInt8]?, timeout: Duration) throws -> CommandOutput {
        try run(executable, arguments, input: input, limit: timeout)
    }

    private func run(_ executable: String, _ arguments: [String], input: [UInt8]?, limit: Duration?) throws -> CommandOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        // The timer kills only the process this call started, by its own PID.
        let killed = ErrorCollector()
        if let limit {
            let pid = process.processIdentifier
            let seconds = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
                guard process.isRunning else { return }
                killed.store(Data([1]))
                kill(pid, SIGKILL)
            }
        }
        // Read both pipes concurrently so a chatty program cannot fill one and block.
        let errData = ErrorCollector()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData.store(err.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        if let input {
            // A program that exits without reading its input must not kill us with SIGPIPE.
            signal(SIGPIPE, SIG_IGN)
            try? inp.fileHandleForWriting.write(contentsOf: Data(input))
        }
        try? inp.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        if let limit, !killed.data.isEmpty { throw CommandTimedOut(executable: executable, timeout: limit) }
        return CommandOutput(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData.data, as: UTF8.self))
    }
}

private final class ErrorCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = Data()
    func store(_ d: Data) { lock.lock(); stored = d; lock.unlock() }
    var data: Data { lock.lock(); defer { lock.unlock() }; return stored }
}
