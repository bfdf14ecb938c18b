/// The rejection text itself ("Bad HELO - Host impersonating …"), told apart by its wording (docs/findings.md, "Log rejections").
///
/// Found anywhere in a line, so the same reading serves log lines, bounces and the messages client
/// libraries wrap around them (PHPMailer's `Expected response code 250 but got code "550", …`).
public struct RejectionMessage: Sendable, Hashable {
    /// Which receiver rule wrote it.
    public var rule: RejectionRule
    /// The greeting name inside the brackets (lower case), `nil` for the Interface rule, which names none.
    public var name: String?
    /// Where the message starts in the text it was found in.
    public var start: String.Index

    /// The phrases that mark a candidate line; the log scanner searches for these bytes first.
    public static let markers = ["impersonating", "_my_ address"]

    /// Finds and classifies the message in `text`, or returns `nil` when there is none.
    public static func find(in text: Substring) -> RejectionMessage? {
        if let r = text.firstRange(of: "Host impersonating ") { return impersonating(text, r) }
        if let r = text.firstRange(of: "REJECTED - Interface: IP is _my_ address") {
            return RejectionMessage(rule: .cpanelInterface, name: nil, start: r.lowerBound)
        }
        return nil
    }

    /// `… Host impersonating hostname [N]` (DirectAdmin), `domain name [N]` (DirectAdmin), or
    /// `[N]`: cPanel when the message is in double quotes (cPanel's ACL puts them in its message
    /// text), otherwise the Exim wiki recipe or a custom ACL.
    private static func impersonating(_ text: Substring, _ r: Range<String.Index>) -> RejectionMessage? {
        let after = text[r.upperBound...]
        let rule: RejectionRule
        let rest: Substring
        if after.hasPrefix("hostname [") {
            rule = .directAdminHostname
            rest = after.dropFirst("hostname ".count)
        } else if after.hasPrefix("domain name [") {
            rule = .directAdminDomain
            rest = after.dropFirst("domain name ".count)
        } else if after.hasPrefix("[") {
            rule = quotedCPanel(text, before: r.lowerBound) ? .cpanelImpersonating : .eximWiki
            rest = after
        } else {
            return nil
        }
        guard let close = rest.firstIndex(of: "]") else { return nil }
        let name = rest[rest.index(after: rest.startIndex)..<close]
        guard !name.isEmpty, name.count <= 255 else { return nil }
        return RejectionMessage(rule: rule, name: name.lowercased(), start: messageStart(text, before: r.lowerBound))
    }

    /// Whether the text just before "Host impersonating" is cPanel's `"REJECTED - Bad HELO - `.
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
