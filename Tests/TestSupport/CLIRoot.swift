import Foundation
import ServerFixtures

/// A temporary server root for tests that run the built `helofix`, removed by `remove()`.
public struct CLIRoot: Sendable {
    /// The host directory acting as `/`.
    public let path: String

    /// Writes `tree` into a fresh directory (with `/var/lib`, as on a real server).
    public init(_ tree: ServerTree) throws {
        path = try tree.writeToTemporaryDirectory(prefix: "helofix-cli")
        try FileManager.default.createDirectory(atPath: path + "/var/lib", withIntermediateDirectories: true)
    }

    /// Runs `helofix ARGS --root PATH`.
    public func helofix(_ arguments: [String], environment: [String: String] = [:]) throws -> HelofixBinary.Run {
        try HelofixBinary.run(arguments + ["--root", path], environment: environment)
    }

    /// A file's text, `nil` when absent.
    public func read(_ serverPath: String) -> String? {
        (try? Data(contentsOf: URL(fileURLWithPath: path + serverPath))).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The tree without helofix's own state.
    public func tree() -> TreeState { TreeState.capture(path) }

    /// Deletes the directory.
    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}
