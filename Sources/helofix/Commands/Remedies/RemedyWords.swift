import ArgumentParser
import Remedy

/// The arguments of one remedy subcommand of `plan` and `apply`: its name and the request the
/// typed words make. One type per entry of the ``RemedyKind`` catalog, plus one per former word
/// kept (hidden) for one release.
protocol RemedyWords: ParsableArguments {
    /// The subcommand's name.
    static var commandName: String { get }
    /// The catalog entry it applies.
    static var kind: RemedyKind { get }
    /// A word of an earlier release: accepted, but not listed in `--help`.
    static var isFormerName: Bool { get }
    /// The request the words make.
    var request: RemedyRequest { get }
}

extension RemedyWords {
    static var commandName: String { kind.rawValue }
    static var isFormerName: Bool { false }
}

/// `rename-hostname NAME`.
struct RenameHostnameWords: RemedyWords {
    static let kind = RemedyKind.renameHostname
    @Argument(help: "The new fully qualified hostname.") var name: String
    var request: RemedyRequest { Self.kind.request(name) }
}

/// `edit-greeting KEY [NAME]`.
struct EditGreetingWords: RemedyWords {
    static let kind = RemedyKind.editGreeting
    @Argument(help: ArgumentHelp("A sender domain (cPanel), a sending IP (DirectAdmin) or '*' for the default.", valueName: "DOMAIN|IP|*"))
    var key: String
    @Argument(help: "The greeting name; leave it out to remove the greeting.") var name: String?
    var request: RemedyRequest { Self.kind.request(key, name: name) }
}

/// `whitelist-sender IP|CIDR`.
struct WhitelistSenderWords: RemedyWords {
    static let kind = RemedyKind.whitelistSender
    @Argument(help: ArgumentHelp("The sending server's IP address or range.", valueName: "IP|CIDR")) var sender: String
    var request: RemedyRequest { Self.kind.request(sender) }
}

/// `remove-domain-traces DOMAIN`.
struct RemoveDomainTracesWords: DomainRemovalWords {
    static let kind = RemedyKind.removeDomainTraces
    @Argument(help: "The domain that is hosted elsewhere now.") var domain: String
    @OptionGroup(title: "DNS evidence") var dnsArguments: DNSArguments
    var request: RemedyRequest { Self.kind.request(domain) }
}

/// The words of a domain removal: DNS is asked where the domain's mail goes before it is removed.
protocol DomainRemovalWords: RemedyWords {
    /// The domain to remove.
    var domain: String { get }
    /// Whether and how to ask DNS.
    var dnsArguments: DNSArguments { get }
}

// MARK: - Former words, hidden, for one release

/// `set-greeting KEY NAME`, now `edit-greeting KEY NAME`.
struct SetGreetingWords: RemedyWords {
    static let kind = RemedyKind.editGreeting
    static let commandName = "set-greeting"
    static let isFormerName = true
    @Argument(help: ArgumentHelp("A sender domain, a sending IP or '*'.", valueName: "DOMAIN|IP|*")) var key: String
    @Argument(help: "The greeting name.") var name: String
    var request: RemedyRequest { .setGreeting(key: key, name: name) }
}

/// `remove-greeting KEY`, now `edit-greeting KEY`.
struct RemoveGreetingWords: RemedyWords {
    static let kind = RemedyKind.editGreeting
    static let commandName = "remove-greeting"
    static let isFormerName = true
    @Argument(help: ArgumentHelp("A sender domain, a sending IP or '*'.", valueName: "DOMAIN|IP|*")) var key: String
    var request: RemedyRequest { .removeGreeting(key: key) }
}

/// `whitelist IP|CIDR`, now `whitelist-sender`.
struct WhitelistWords: RemedyWords {
    static let kind = RemedyKind.whitelistSender
    static let commandName = "whitelist"
    static let isFormerName = true
    @Argument(help: ArgumentHelp("The sending server's IP address or range.", valueName: "IP|CIDR")) var sender: String
    var request: RemedyRequest { Self.kind.request(sender) }
}

/// `remove-domain DOMAIN`, now `remove-domain-traces`.
struct RemoveDomainWords: DomainRemovalWords {
    static let kind = RemedyKind.removeDomainTraces
    static let commandName = "remove-domain"
    static let isFormerName = true
    @Argument(help: "The domain that is hosted elsewhere now.") var domain: String
    @OptionGroup(title: "DNS evidence") var dnsArguments: DNSArguments
    var request: RemedyRequest { Self.kind.request(domain) }
}

/// Every remedy's words: the catalog's names first, in catalog order, then the former words.
enum RemedyWordsList {
    static let all: [any RemedyWords.Type] = [
        RenameHostnameWords.self, EditGreetingWords.self, WhitelistSenderWords.self, RemoveDomainTracesWords.self,
        SetGreetingWords.self, RemoveGreetingWords.self, WhitelistWords.self, RemoveDomainWords.self,
    ]
}
