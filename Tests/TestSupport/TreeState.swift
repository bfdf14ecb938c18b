import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Everything about a directory tree that a rollback must restore: each path's type, owner,
/// group, mode and bytes (or link target). Two captures compare equal only when the trees are
/// byte-identical in content and ownership.
public struct TreeState: Equatable, CustomStringConvertible {
    public struct Entry: Equatable {
        public var kind: String
        public var uid: UInt32
        public var gid: UInt32
        public var mode: UInt32
        public var bytes: [UInt8]
        /// Extended attributes of a regular file, by name.
        public var xattrs: [String: [UInt8]] = [:]
    }

    public var entries: [String: Entry]

    /// Captures `root`, skipping the server paths in `excluding` (e.g. `/var/lib/helofix`).
    public static func capture(_ root: String, excluding: [String] = ["/var/lib/helofix"]) -> TreeState {
        var entries: [String: Entry] = [:]
        func walk(_ rel: String) {
            let host = root + rel
            var st = stat()
            guard lstat(host, &st) == 0 else { return }
            let type = st.st_mode & S_IFMT
            var entry = Entry(kind: "other", uid: st.st_uid, gid: st.st_gid, mode: UInt32(st.st_mode) & 0o7777, bytes: [])
            if type == S_IFREG {
                entry.kind = "file"
                entry.bytes = Array((try? Data(contentsOf: URL(fileURLWithPath: host))) ?? Data())
                entry.xattrs = ExtendedAttributeReader.read(host)
            } else if type == S_IFLNK {
                entry.kind = "link"
                entry.bytes = Array(((try? FileManager.default.destinationOfSymbolicLink(atPath: host)) ?? "").utf8)
            } else if type == S_IFDIR {
                entry.kind = "dir"
            }
            if !rel.isEmpty { entries[rel] = entry }
            guard type == S_IFDIR else { return }
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: host)) ?? []).sorted() {
                let child = rel + "/" + name
                if !excluding.contains(child) { walk(child) }
            }
        }
        walk("")
        return TreeState(entries: entries)
    }

    /// The paths that differ from `other`, for a readable failure.
    public func differences(from other: TreeState) -> [String] {
        Set(entries.keys).union(other.entries.keys).sorted().filter { entries[$0] != other.entries[$0] }
    }

    public var description: String { "\(entries.count) entries" }
}

/// Reads a file's extended attributes for comparisons (`<sys/xattr.h>` is not in Swift's Glibc module).
public enum ExtendedAttributeReader {
    typealias List = @convention(c) (UnsafePointer<CChar>?, UnsafeMutablePointer<CChar>?, Int) -> Int
    typealias Get = @convention(c) (UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafeMutableRawPointer?, Int) -> Int
    typealias Set = @convention(c) (UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafeRawPointer?, Int, Int32) -> Int32

    static func symbol<T>(_ name: String, as: T.Type) -> T? {
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), name).map { unsafeBitCast($0, to: T.self) }
    }

    /// Every attribute of `path` (not following a link).
    public static func read(_ path: String) -> [String: [UInt8]] {
        guard let list = symbol("llistxattr", as: List.self), let get = symbol("lgetxattr", as: Get.self) else { return [:] }
        let size = list(path, nil, 0)
        guard size > 0 else { return [:] }
        var names = [CChar](repeating: 0, count: size)
        guard list(path, &names, size) > 0 else { return [:] }
        var out: [String: [UInt8]] = [:]
        for raw in names.split(separator: 0) {
            let name = String(decoding: raw.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            var value = [UInt8](repeating: 0, count: 4096)
            let n = get(path, name, &value, value.count)
            if n >= 0 { out[name] = Array(value.prefix(n)) }
        }
        return out
    }

    /// Sets an attribute; true on success.
    @discardableResult
    public static func set(_ path: String, _ name: String, _ value: [UInt8]) -> Bool {
        guard let set = symbol("lsetxattr", as: Set.self) else { return false }
        return value.withUnsafeBytes { set(path, name, $0.baseAddress, value.count, 0) } == 0
    }
}
