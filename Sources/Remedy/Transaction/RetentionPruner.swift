import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Prunes old transactions and the backups nobody references any more, then rewrites the
/// manifest. Never prunes an unfinished transaction, nor the newest finished transaction of any
/// file (its last good copy).
struct RetentionPruner {
    let store: StateStore
    let policy: RetentionPolicy
    let now: Date

    /// Prunes; `collectBackups` is false while another helofix may be storing backups that its
    /// journal does not name yet.
    func prune(collectBackups: Bool) {
        let journals = store.journals()
        var protected = Set<String>()
        var newestPerFile: [String: String] = [:]
        for j in journals {
            if !store.hasMarker(j.id, .commit) && !store.hasMarker(j.id, .aborted) { protected.insert(j.id) }
            if store.hasMarker(j.id, .commit) { for f in j.files { newestPerFile[f.path] = j.id } }
        }
        protected.formUnion(newestPerFile.values)
        let recent = Set(journals.suffix(policy.keepCount).map(\.id))
        var kept: [TransactionJournal] = []
        for j in journals {
            if protected.contains(j.id) || recent.contains(j.id) || now.timeIntervalSince(j.time) < policy.keepAge {
                kept.append(j)
                continue
            }
            for suffix in ["journal", "commit", "aborted", "steps"] { store.removeFile("\(store.transactions)/\(j.id).\(suffix)") }
        }
        if collectBackups { collectGarbage(kept) }
    }

    /// Removes backup objects no kept journal names, and rewrites `manifest.json`.
    private func collectGarbage(_ kept: [TransactionJournal]) {
        var manifest: [String: ManifestEntry] = [:]
        for j in kept {
            for f in j.files + j.commandBackups {
                for hash in [f.beforeHash, f.afterHash].compactMap({ $0 }) {
                    var entry = manifest[hash] ?? ManifestEntry(hash: hash, paths: [], transactions: [])
                    if !entry.paths.contains(f.path) { entry.paths.append(f.path) }
                    if !entry.transactions.contains(j.id) { entry.transactions.append(j.id) }
                    manifest[hash] = entry
                }
            }
        }
        for name in store.root.list(StateStore.directory + "/backups/objects") ?? [] where manifest[name] == nil {
            store.removeFile(store.objectPath(name))
        }
        let entries = manifest.values.sorted { $0.hash < $1.hash }
        if let data = try? StateStore.encoder.encode(entries) {
            try? store.writeDurably(store.manifest, Array(data), name: "manifest")
        }
    }

    struct ManifestEntry: Codable {
        var hash: String
        var paths: [String]
        var transactions: [String]
    }
}
