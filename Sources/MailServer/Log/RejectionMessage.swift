/// The rejection text itself ("Bad HELO - Host impersonating …", "… is _my_ address"), told apart
/// by its wording (docs/findings.md lists each platform's words).
///
/// Found anywhere in a line, so the same reading serves log lines, bounces and the messages client
/// libraries wrap around them (PHPMailer's `Expected response code 250 but got code "550", …`).
/// The wording alone cannot tell cPanel from the Exim wiki recipe (both write
/// `"REJECTED - Bad HELO - Host impersonating [NAME]"` with the quotes): the stage does, see
/// ``RejectionRule/at(stage:)``.
public struct RejectionMessage: Sendable, Hashable {
    /// Which receiver rule the wording points to (before the stage is known).
    public var rule: RejectionRule
    /// The greeting name inside the brackets (lower case); for an Interface message the address
    /// literal `[192.0.2.2]`; `nil` when the text names none (`… domain name.` as pasted from a bounce).
    public var name: String?
    /// Where the message starts in the text it was found in.
    public var start: String.Index

    /// The phrases that mark a candidate line; the log scanner searches for these bytes first.
    public static let markers = ["impersonating", "_my_ address"]

    /// Finds and classifies the message in `text`, or returns `nil` when there is none.
    public static func find(in text: Substring) -> RejectionMessage? {
        if let r = text.firstRange(of: "Host impersonating") { return impersonating(text, r) }
        if let r = text.firstRange(of: " is _my_ address") { return interface(text, r) }
        return nil
    }

    /// `… Host impersonating hostname [N]` (DirectAdmin), `domain name [N]` (DirectAdmin), or
    /// `[N]`: quoted, it is cPanel's or the wiki recipe's text; unquoted, a custom ACL's.
    /// DirectAdmin's name may itself be a literal: `hostname [[192.0.2.2]]`.
    private static func impersonating(_ text: Substring, _ r: Range<String.Index>) -> RejectionMessage? {
        let after = text[r.upperBound...].drop { $0 == " " }
        let rule: RejectionRule
        let rest: Substring
        if after.hasPrefix("hostname") {
            rule = .directAdminHostname
            rest = after.dropFirst("hostname".count)
        } else if after.hasPrefix("domain name") {
            rule = .directAdminDomain
            rest = after.dropFirst("domain name".count)
        } else if after.hasPrefix("[") {
            rule = quotedCPanel(text, before: r.lowerBound) ? .cpanelImpersonating : .eximWiki
            rest = after
        } else {
            return nil
        }
        let start = messageStart(text, before: r.lowerBound)
        let bracket = rest.drop { $0 == " " }
        guard bracket.hasPrefix("[") else {
            // Pasted without the name (`… domain name.`): still DirectAdmin's words, no name.
            guard rule == .directAdminHostname || rule == .directAdminDomain else { return nil }
            return RejectionMessage(rule: rule, name: nil, start: start)
        }
        guard let name = bracketed(bracket) else { return nil }
        return RejectionMessage(rule: rule, name: name.lowercased(), start: start)
    }

    /// The name inside `[…]`; `[[192.0.2.2]]` (a literal greeting) gives `[192.0.2.2]`.
    private static func bracketed(_ s: Substring) -> Substring? {
        let inner = s.dropFirst()
        let close: String.Index?
        if inner.hasPrefix("[") {
            close = inner.firstRange(of: "]]").map { inner.index(after: $0.lowerBound) }
        } else {
            close = inner.firstIndex(of: "]")
        }
        guard let close else { return nil }
        let name = inner[..<close]
        guard !name.isEmpty, name.count <= 255 else { return nil }
        return name
    }

    /// `"REJECTED - Interface: 192.0.2.2 is _my_ address"` (cPanel's `requirehelonoforge` file) or
    /// `192.0.2.2 is _my_ address` (the wiki recipe, HestiaCP): Exim substitutes `$interface_address`.
    private static func interface(_ text: Substring, _ r: Range<String.Index>) -> RejectionMessage? {
        let head = text[..<r.lowerBound]
        // The address is the word before " is": bounded by a space or cPanel's opening quote (an
        // IPv6 address has colons of its own, so a colon cannot bound it).
        let wordStart = head.lastIndex { $0 == " " || $0 == "\"" }
            .map { head.index(after: $0) } ?? head.startIndex
        let word = head[wordStart...]
        guard let address = IPAddress(word) else { return nil }
        let before = head[..<wordStart]
        if before.hasSuffix("REJECTED - Interface: ") {
            var start = before.dropLast("REJECTED - Interface: ".count)
            if start.hasSuffix("\"") { start = start.dropLast() }
            return RejectionMessage(rule: .cpanelInterface, name: "[\(address)]", start: start.endIndex)
        }
        return RejectionMessage(rule: .eximInterface, name: "[\(address)]", start: wordStart)
    }

    /// Whether the text just before "Host impersonating" is `"REJECTED - Bad HELO - `.
    private static func quotedCPanel(_ text: Substring, before index: String.Index) -> Bool {
        let head = text[..<index]
        guard head.hasSuffix("REJECTED - Bad HELO - ") else { return false }
        return head.dropLast("REJECTED - Bad HELO - ".count).hasSuffix("\"")
    }

    /// Backs up over `"REJECTED - Bad HELO - ` / `Bad HELO - ` so `start` points at the whole message.
    private static func messageStart(_ text: Substring, before index: String.Index) -> String.Index {
        var head = text[..<index]
        for prefix in ["Bad HELO - ", "REJECTED - ", "\""] where head.hasSuffix(prefix) {
            head = head.dropLast(prefix.count)
        }
        return head.endIndex
    }
}
