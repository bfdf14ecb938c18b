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
