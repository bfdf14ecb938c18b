#if canImport(Glibc)
import Glibc
#endif
import MailServer

/// `transactions/PID.locks`: the lock files a transaction is about to take (`/etc/localdomains.lock`,
/// one a line), written before it takes them and removed when it ends. A run killed before its
/// journal exists leaves its lock files behind with nothing else naming them; this record is
/// what lets the next run prove they are helofix's and remove exactly those (``LeftoverCleanup``).
enum LockRecord {
    /// The record's name suffix.
    static let suffix = ".locks"

    /// The lock file of a server path (cPanel's `<file>.lock`).
    static func lockPath(of serverPath: String) -> String { serverPath + ".lock" }

    /// Server path of this process's record.
    static func path(_ store: StateStore, pid: Int32 = getpid()) -> String { "\(store.transactions)/\(pid)\(suffix)" }

    /// Writes (durably) the lock files of `paths` as this process's record.
    static func write(_ store: StateStore, paths: [String]) throws(RemedyError) {
        let text = paths.map { lockPath(of: $0) + "\n" }.joined()
        try store.writeDurably(path(store), Array(text.utf8), name: "lock record of process \(getpid())")
    }

    /// Removes this process's record.
    static func remove(_ store: StateStore) {
        store.removeFile(path(store))
    }

    /// The lock paths a record names (only absolute paths ending in `.lock`; anything else in it is ignored).
    static func paths(in bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
            .filter { $0.hasPrefix("/") && $0.hasSuffix(".lock") }
    }
}
