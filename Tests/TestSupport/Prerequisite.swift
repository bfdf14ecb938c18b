import Foundation

/// A tool a test needs (exim4, tmux, python3, …). A missing one fails the test with its name:
/// a test never passes by skipping what it could not check.
public enum Prerequisite {
    /// Why a test could not run.
    public struct Missing: Error, CustomStringConvertible {
        public let name: String
        public var description: String { "prerequisite \(name) is missing: install it (see .ci/run) and run the tests again" }
    }

    /// Throws ``Missing`` naming `what` (a capability such as "chattr +i on the test file system")
    /// unless `available`.
    public static func capability(_ what: String, _ available: Bool) throws {
        guard available else { throw Missing(name: what) }
    }

    /// The absolute path of `name` on PATH (or `name` itself when it is a path); throws ``Missing`` otherwise.
    @discardableResult
    public static func require(_ name: String) throws -> String {
        if name.hasPrefix("/") {
            guard access(name, X_OK) == 0 else { throw Missing(name: name) }
            return name
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
        for dir in path.split(separator: ":") where access("\(dir)/\(name)", X_OK) == 0 { return "\(dir)/\(name)" }
        throw Missing(name: name)
    }
}
