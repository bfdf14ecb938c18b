import ArgumentParser
import Remedy

/// `whitelist-sender IP|CIDR`.
struct WhitelistSenderWords: RemedyWords {
    static let kind = RemedyKind.whitelistSender
    @Argument(help: ArgumentHelp("The sending server's IP address or range.", valueName: "IP|CIDR")) var sender: String
    var request: RemedyRequest { Self.kind.request(sender) }
}
