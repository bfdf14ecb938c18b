import Crypto
import MailServer

/// SHA-256 in lower-case hex (backups are stored under this name).
public enum ContentHash {
    /// The hash of `bytes`.
    public static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let s = String(byte, radix: 16)
            return s.count == 1 ? "0" + s : s
        }.joined()
    }
}
