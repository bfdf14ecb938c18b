/// The names in one directory (no `.`/`..`), in directory order, kept as bytes back to back: a
/// big server's `/etc/valiases` and `/var/named` hold 100,000 names each, listed on one thread and
/// turned into traces on another.
struct DirectoryNames: Sendable {
    /// `false` when the directory could not be listed (absent, not a directory, unreadable).
    let listed: Bool
    private var bytes: [UInt8] = []
    /// Where each name ends in `bytes`; name `i` starts where name `i - 1` ends.
    private var ends: [Int] = []

    /// Lists `serverPath` under `root`.
    init(_ root: ServerRoot, _ serverPath: String) {
        var bytes: [UInt8] = [], ends: [Int] = []
        listed = root.forEachName(serverPath) { name in
            bytes.append(contentsOf: name)
            ends.append(bytes.count)
        }
        self.bytes = bytes
        self.ends = ends
    }

    /// Calls `body` with each name's bytes, in directory order.
    /// The names' bytes stay valid until `atEnd` has run.
    func forEach(_ body: (UnsafeBufferPointer<UInt8>) -> Void, atEnd: () -> Void = {}) {
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            for end in ends {
                body(UnsafeBufferPointer(rebasing: all[start..<end]))
                start = end
            }
            atEnd()
        }
    }
}
