import MailServer

/// The words of findings made by the thousand (a flood's refused greetings): joined in one buffer
/// made to size, and addresses written without the C library. Each `+` of a sentence made a new
/// string, and `IPAddress.description` is `inet_ntop` (a `printf`) with four allocations; all of
/// them went through the one malloc lock `inspect` keeps, on both cores at once.
enum FindingWords {
    /// `parts` end to end, in one allocation.
    static func joined(_ parts: String...) -> String {
        var text = ""
        text.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count })
        for part in parts { text += part }
        return text
    }

    /// `ip.description`: an IPv4 address as its four numbers (at most 15 bytes, which Swift keeps
    /// inside the string itself, with no allocation); IPv6 through `description`.
    static func address(_ ip: IPAddress) -> String {
        guard ip.bytes.count == 4 else { return ip.description }
        return ip.bytes.withUnsafeBufferPointer { b in
            String(b[0]) + "." + String(b[1]) + "." + String(b[2]) + "." + String(b[3])
        }
    }
}
