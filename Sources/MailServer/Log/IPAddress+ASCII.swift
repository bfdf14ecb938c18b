#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension IPAddress {
    /// ``init(_:)`` for ASCII bytes (an address text from a log line read on bytes), without
    /// making a `String` first: the scan parses each distinct address text of a flood once, and
    /// the `String`, its `Character` search for ":" and its C copy were most of that.
    ///
    /// Same answers as ``init(_:)`` on the same text: empty or over 64 bytes is no address, a
    /// ":" anywhere makes it IPv6, and `inet_pton` reads up to the first NUL byte, as it does
    /// with the `String`'s C copy.
    init?(ascii text: UnsafeBufferPointer<UInt8>) {
        guard let base = text.baseAddress, !text.isEmpty, text.count <= 64 else { return nil }
        let isIPv6 = memchr(base, Int32(UInt8(ascii: ":")), text.count) != nil
        // 64 bytes and the NUL.
        var cText = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        let parsed: [UInt8]? = withUnsafeMutableBytes(of: &cText) { c in
            c.baseAddress!.copyMemory(from: base, byteCount: text.count)
            let s = c.baseAddress!.assumingMemoryBound(to: CChar.self)
            if isIPv6 {
                var a = in6_addr()
                guard inet_pton(AF_INET6, s, &a) == 1 else { return nil }
                return withUnsafeBytes(of: &a) { Array($0) }
            }
            var a = in_addr()
            guard inet_pton(AF_INET, s, &a) == 1 else { return nil }
            return withUnsafeBytes(of: &a) { Array($0) }
        }
        guard let parsed else { return nil }
        self.init(bytes: parsed)
    }
}
