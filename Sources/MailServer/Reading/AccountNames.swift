/// Account names read from bytes, one `String` per distinct account: a big server's 100,000
/// domains name 10,000 accounts, and every domain of an account then shares its owner's string.
struct AccountNames {
    private var ids = ByteInterner(capacity: 1024)
    private var names: [String] = []

    /// The account named by `bytes` (UTF-8).
    mutating func name(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let id = ids.id(of: bytes, fold: false)
        if id == names.count { names.append(String(decoding: bytes, as: UTF8.self)) }
        return names[id]
    }
}
