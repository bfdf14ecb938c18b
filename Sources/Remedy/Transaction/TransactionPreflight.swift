import MailServer
#if canImport(Glibc)
import Glibc
#endif

/// Checks made before anything is written: safe targets, existing directories, the programs the
/// plan runs, and free space for the backups and the new files (docs/changes.md, rules 7 and 9).
struct TransactionPreflight {
    let root: ServerRoot
    let store: StateStore
    let runner: (any CommandRunner)?

    func check(_ plan: Plan) throws(RemedyError) {
        let created = Set(plan.createDirectories.map(\.path))
        for change in plan.files {
            try TargetCheck.checkFile(root, change.path)
            let parent = Self.parent(change.path)
            if !created.contains(parent) { try TargetCheck.checkDirectory(root, parent) }
        }
        for dir in plan.createDirectories {
            let parent = Self.parent(dir.path)
            if !created.contains(parent) { try TargetCheck.checkDirectory(root, parent) }
            if try TargetCheck.lstatus(root, dir.path) != nil { throw RemedyError(.conflict, "\(dir.path) exists already, but the plan would create it; plan again") }
        }
        let removed = Set(plan.files.filter { $0.after == nil }.map(\.path))
        for dir in plan.removeDirectories {
            try TargetCheck.checkDirectory(root, dir.path)
            let left = (root.list(dir.path) ?? []).map { "\(dir.path)/\($0)" }.filter { !removed.contains($0) && !plan.removeDirectories.map(\.path).contains($0) }
            if let first = left.first {
                throw RemedyError(.conflict, "\(dir.path) holds \(first), which the plan does not remove; plan again (nothing was written)")
            }
        }
        for command in plan.commands { try PlatformCommandRunner(runner: runner).check(command) }
        try checkSpace(plan)
    }

    /// Backups need the old sizes in the state directory; every target directory needs the new size.
    private func checkSpace(_ plan: Plan) throws(RemedyError) {
        let margin: UInt64 = 1 << 20
        let backupBytes = plan.files.reduce(UInt64(0)) { $0 + UInt64(($1.before?.count ?? 0) + ($1.after?.count ?? 0)) }
        try need(backupBytes + margin, at: StateStore.directory)
        for change in plan.files {
            guard let after = change.after else { continue }
            try need(UInt64(after.count) + 65536, at: Self.parent(change.path))
        }
    }

    private func need(_ bytes: UInt64, at serverPath: String) throws(RemedyError) {
        var path = serverPath
        while !root.exists(path) && path != "/" { path = Self.parent(path) }
        var fs = statvfs()
        guard statvfs(root.hostPath(path), &fs) == 0 else { return }
        let free = UInt64(fs.f_bavail) * UInt64(fs.f_frsize)
        if free < bytes {
            throw RemedyError(.failed, "only \(free / 1024) KiB free on the file system of \(path), \(bytes / 1024) KiB needed for the backup and the new files; free some space and try again (nothing was written)")
        }
    }

    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
