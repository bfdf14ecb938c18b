import Foundation

/// A server's file tree described in code, written into a directory that is then read as `/`.
/// Used by the tests, the benchmark and `helofix demo` (so the program needs no files beside it).
public struct ServerTree: Sendable {
    /// One thing in the tree.
    public enum Node: Sendable {
        /// A regular file with its bytes and permission bits.
        case file([UInt8], mode: UInt16)
        /// A directory.
        case directory(mode: UInt16)
        /// A symbolic link to `target` (as written, may be relative).
        case symlink(String)
    }

    /// Paths (server paths, starting with `/`) and nodes, written in this order.
    public var nodes: [(path: String, node: Node)] = []

    /// Creates an empty tree.
    public init() {}

    /// Adds a node, replacing any earlier node at the same path (so a fixture can override its base).
    public mutating func set(_ path: String, _ node: Node) {
        nodes.removeAll { $0.path == path }
        nodes.append((path, node))
    }

    /// Adds a text file (mode 0644 unless given).
    public mutating func file(_ path: String, _ text: String, mode: UInt16 = 0o644) {
        set(path, .file(Array(text.utf8), mode: mode))
    }

    /// Adds a file with raw bytes.
    public mutating func bytes(_ path: String, _ bytes: [UInt8], mode: UInt16 = 0o644) {
        set(path, .file(bytes, mode: mode))
    }

    /// Adds a directory.
    public mutating func directory(_ path: String, mode: UInt16 = 0o755) {
        set(path, .directory(mode: mode))
    }

    /// Adds a symbolic link.
    public mutating func symlink(_ path: String, to target: String) {
        set(path, .symlink(target))
    }

    /// Writes the tree under `root` (created if needed), making parent directories 0755.
    public func write(to root: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        for (path, node) in nodes {
            let host = root + path
            let parent = (host as NSString).deletingLastPathComponent
            try fm.createDirectory(atPath: parent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            switch node {
            case .file(let bytes, let mode):
                guard fm.createFile(atPath: host, contents: Data(bytes), attributes: [.posixPermissions: Int(mode)]) else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: host])
                }
            case .directory(let mode):
                try fm.createDirectory(atPath: host, withIntermediateDirectories: true, attributes: [.posixPermissions: Int(mode)])
            case .symlink(let target):
                try fm.createSymbolicLink(atPath: host, withDestinationPath: target)
            }
        }
    }

    /// Writes the tree into a fresh temporary directory and returns its path.
    public func writeToTemporaryDirectory(prefix: String = "helofix") throws -> String {
        let base = FileManager.default.temporaryDirectory.path
        let root = "\(base)/\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
        try write(to: root)
        return root
    }
}
