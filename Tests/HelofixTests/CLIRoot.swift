import Foundation
import ServerFixtures
import TestSupport

/// A temporary server root for CLI tests, removed by `remove()`.
struct CLIRoot {
    let path: String

    init(_ tree: ServerTree) throws {
        path = try tree.writeToTemporaryDirectory(prefix: "helofix-cli")
        try FileManager.default.createDirectory(atPath: path + "/var/lib", withIntermediateDirectories: true)
    }

    func helofix(_ arguments: [String], environment: [String: String] = [:]) throws -> HelofixBinary.Run {
        try HelofixBinary.run(arguments + ["--root", path], environment: environment)
    }

    func read(_ serverPath: String) -> String? {
        (try? Data(contentsOf: URL(fileURLWithPath: path + serverPath))).map { String(decoding: $0, as: UTF8.self) }
    }

    func tree() -> TreeState { TreeState.capture(path) }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
