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
        return ConcurrentParts.map(parts) { part in
            users[(users.count * part / parts)..<(users.count * (part + 1) / parts)].flatMap(domains(of:))
        }.flatMap { $0 }
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
