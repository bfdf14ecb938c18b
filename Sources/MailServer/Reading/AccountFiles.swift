#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads cPanel's `/var/cpanel/users/USER` files (the source of truth for who owns which domain:
/// `DNS=`, `DNS1=`, …). A big server has one per account, 10,000 or more, so they are read on
/// every core, each opened relative to the directory (no path walk per file) into one buffer per
/// thread and searched on bytes; the result is in account order whatever the threads did.
struct AccountFiles {
    let root: ServerRoot
    /// `/var/cpanel/users`.
    let directory: String
    /// `false` reads every file the general way (tests compare the two).
    var fast = true

    /// The domains named by the files, folded for look-up, each with its account.
    struct Owned: Sendable {
        /// The accounts, sorted by name.
        let accounts: [String]
        /// Per part, in account order: the domains' bytes back to back, where each ends, and the
        /// index of its account.
        let parts: [OwnedPart]

        /// Calls `body` with each domain's bytes and its account, in account order.
        func forEach(_ body: (UnsafeBufferPointer<UInt8>, String) -> Void) {
            for part in parts {
                part.bytes.withUnsafeBufferPointer { all in
                    var start = 0
                    for (end, account) in zip(part.ends, part.accounts) {
                        body(UnsafeBufferPointer(rebasing: all[start..<end]), accounts[account])
                        start = end
                    }
                }
            }
        }
    }

    /// One thread's share of ``Owned``.
    struct OwnedPart: Sendable {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        var accounts: [Int] = []

        mutating func add(_ domain: some Sequence<UInt8>, account: Int) {
            bytes.append(contentsOf: domain)
            ends.append(bytes.count)
            accounts.append(account)
        }

        /// ``add(_:account:)`` of `domain` in lower case. A value already in lower case (nearly
        /// all, 100,000 on a big server) is copied in one go, not byte by byte through a mapping.
        mutating func add(lowercasing domain: UnsafeBufferPointer<UInt8>, account: Int) {
            if domain.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
                add(domain.lazy.map(ByteInterner.lower), account: account)
            } else {
                add(domain, account: account)
            }
        }
    }

    /// The `(domain, account)` pairs, accounts sorted by name; `nil` when the directory is absent.
    func domainOwners() -> Owned? {
        guard let dir = opendir(root.hostPath(directory)) else { return nil }
        defer { closedir(dir) }
        var entries: [(name: String, regular: Bool)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            entries.append((name, entry.pointee.d_type == UInt8(DT_REG)))
        }
        entries.sort { $0.name < $1.name }
        let users = entries.map(\.name), regular = entries.map(\.regular)
        let fd = dirfd(dir)
        let parts = users.count < 64 ? 1 : 4, fast = fast
        let owned = ConcurrentParts.map(parts) { part in
            var out = OwnedPart()
            var buffer = [UInt8](repeating: 0, count: 64 << 10)
            for index in (users.count * part / parts)..<(users.count * (part + 1) / parts) {
                // A name that is a link (or of unknown type) is read the general way: followed,
                // and refused unless it is a regular file.
                if fast, regular[index], let length = Self.load(at: fd, users[index], into: &buffer) {
                    buffer.withUnsafeBufferPointer { Self.domains(in: UnsafeBufferPointer(rebasing: $0[0..<length]), account: index, fast: true, into: &out) }
                } else if case .content(let bytes, _) = root.read("\(directory)/\(users[index])") {
                    bytes.withUnsafeBufferPointer { Self.domains(in: $0, account: index, fast: fast, into: &out) }
                }
            }
            return out
        }
        return Owned(accounts: users, parts: owned)
    }

    /// Reads the regular file `name` in the directory `fd` into `buffer` (`openat`, one `read`
    /// when it fits, `close`); its length, or `nil`
    /// when it cannot be read (or is larger than a configuration file may be).
    private static func load(at fd: Int32, _ name: String, into buffer: inout [UInt8]) -> Int? {
        // Non-blocking: should the name have become a FIFO since it was listed, the open returns.
        let file = openat(fd, name, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var filled = 0
        while true {
            if filled == buffer.count {
                guard Int64(buffer.count) <= ServerRoot.maxConfigFileSize else { return nil }
                buffer.append(contentsOf: repeatElement(0, count: buffer.count))
            }
            let n = buffer.withUnsafeMutableBytes { raw in read(file, raw.baseAddress! + filled, raw.count - filled) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { return nil }
            if n == 0 { return filled }
            filled += n
            // A read of a regular file returns less than asked only at its end: no second read
            // to hear that (10,000 system calls on a big server).
            if filled < buffer.count { return filled }
        }
    }

    /// The values of the `DNS=`, `DNS1=`, … lines of one account file, folded for look-up, the
    /// way ``SettingsFileParser`` reads `key=value` files; a file with non-ASCII bytes is read by
    /// that parser itself (its keys and values then follow `String` rules).
    private static func domains(in buf: UnsafeBufferPointer<UInt8>, account: Int, fast: Bool, into out: inout OwnedPart) {
        guard fast, !buf.contains(where: { $0 >= 0x80 }) else {
            for s in SettingsFileParser.parse(Array(buf), separator: "=") where s.key.hasPrefix("DNS") && !s.value.isEmpty {
                let suffix = s.key.dropFirst(3)
                guard suffix.isEmpty || suffix.allSatisfy(\.isNumber) else { continue }
                out.add(s.value.foldedForLookup.utf8, account: account)
            }
            return
        }
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
        let n = buf.count
        var start = 0
        while start < n {
            var end = start
            while end < n && buf[end] != 0x0A { end += 1 }
            defer { start = end + 1 }
            var from = start, to = end
            while from < to && blank(buf[from]) { from += 1 }
            while to > from && blank(buf[to - 1]) { to -= 1 }
            // `DNS`, digits, blanks, `=`: anything else is another setting.
            guard to - from > 3, buf[from] == 0x44, buf[from + 1] == 0x4E, buf[from + 2] == 0x53 else { continue }
            var i = from + 3
            while i < to && buf[i] >= 0x30 && buf[i] <= 0x39 { i += 1 }
            var eq = i
            while eq < to && blank(buf[eq]) { eq += 1 }
            guard eq < to, buf[eq] == UInt8(ascii: "=") else { continue }
            var v = eq + 1, w = to
            while v < w && blank(buf[v]) { v += 1 }
            while v < w && (buf[v] == 0x22 || buf[v] == 0x27) { v += 1 }
            while w > v && (buf[w - 1] == 0x22 || buf[w - 1] == 0x27) { w -= 1 }
            guard v < w else { continue }
            out.add(lowercasing: UnsafeBufferPointer(rebasing: buf[v..<w]), account: account)
        }
    }
}
