import ArgumentParser
import Remedy

/// `whitelist IP|CIDR`, now `whitelist-sender`.
struct WhitelistWords: RemedyWords {
    static let kind = RemedyKind.whitelistSender
    static let commandName = "whitelist"
    static let isFormerName = true
    @Argument(help: ArgumentHelp("The sending server's IP address or range.", valueName: "IP|CIDR")) var sender: String
    var request: RemedyRequest { Self.kind.request(sender) }
}
