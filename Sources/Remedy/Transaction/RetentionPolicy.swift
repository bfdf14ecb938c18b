import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How long transactions and their backups are kept (docs/changes.md, rule 9).
public struct RetentionPolicy: Sendable, Hashable {
    /// Keep at least this many most recent transactions.
    public var keepCount: Int
    /// Keep everything younger than this many seconds.
    public var keepAge: TimeInterval

    /// Creates a policy: a transaction is pruned only when it is beyond BOTH limits.
    public init(keepCount: Int, keepAge: TimeInterval) {
        self.keepCount = keepCount
        self.keepAge = keepAge
    }

    /// 100 transactions or 180 days, whichever keeps more.
    public static let standard = RetentionPolicy(keepCount: 100, keepAge: 180 * 86400)
}
