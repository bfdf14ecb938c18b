import Foundation
import ServerFixtures

/// A server tree written into a fresh temporary directory, removed by `remove()`.
public struct TemporaryRoot: Sendable {
    /// The directory read as `/`.
    public let path: String

    /// Writes `tree` into a new temporary directory.
    public init(_ tree: ServerTree) throws {
        path = try tree.writeToTemporaryDirectory(prefix: "helofix-test")
    }

    /// An empty temporary directory.
    public static func empty() throws -> TemporaryRoot { try TemporaryRoot(ServerTree()) }

    /// The host path of a server path.
    public func host(_ serverPath: String) -> String { path + serverPath }

    /// Reads a file under the root as text.
    public func text(_ serverPath: String) throws -> String { try String(contentsOfFile: host(serverPath), encoding: .utf8) }

    /// Writes text to a file under the root (test set-up only; the product writes through Remedy).
    public func write(_ serverPath: String, _ text: String) throws {
        try FileManager.default.createDirectory(atPath: (host(serverPath) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: host(serverPath)))
    }

    /// Deletes the tree.
    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}
