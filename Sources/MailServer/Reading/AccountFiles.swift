import Dispatch

/// Reads cPanel's `/var/cpanel/users/USER` files (the source of truth for who owns which domain:
/// `DNS=`, `DNS1=`, …). A big server has one per account, 10,000 or more, so they are read on
/// every core; the result is in account order whatever the threads did.
struct AccountFiles {
    let root: ServerRoot
    /// `/var/cpanel/users`.
    let directory: String

    /// `(domain, account)` pairs, accounts sorted by name; `nil` when the directory is absent.
    func domainOwners() -> [(domain: String, account: String)]? {
        guard let names = root.list(directory) else { return nil }
        let users = names.filter { !$0.hasPrefix(".") }.sorted()
        let parts = users.count < 64 ? 1 : 4
        let results = ChunkResults(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let chunk = users[(users.count * part / parts)..<(users.count * (part + 1) / parts)]
            results.set(part, chunk.flatMap(domains(of:)))
        }
        return (0..<parts).flatMap(results.get)
    }

    private func domains(of user: String) -> [(domain: String, account: String)] {
        guard case .content(let bytes, _) = root.read("\(directory)/\(user)") else { return [] }
        return SettingsFileParser.parse(bytes, separator: "=").compactMap { s in
            guard s.key.hasPrefix("DNS"), !s.value.isEmpty else { return nil }
            let suffix = s.key.dropFirst(3)
            guard suffix.isEmpty || suffix.allSatisfy(\.isNumber) else { return nil }
            return (s.value.foldedForLookup, user)
        }
    }
}

/// Per-thread results, each thread writing only its own slot (raw memory: no shared Swift
/// property whose exclusive access the threads would contend for).
private final class ChunkResults: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<[(domain: String, account: String)]>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: [], count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ i: Int, _ value: [(domain: String, account: String)]) { slots[i] = value }
    func get(_ i: Int) -> [(domain: String, account: String)] { slots[i] }
}
