import ArgumentParser
import Remedy

/// `remove-domain DOMAIN`, now `remove-domain-traces`.
struct RemoveDomainWords: DomainRemovalWords {
    static let kind = RemedyKind.removeDomainTraces
    static let commandName = "remove-domain"
    static let isFormerName = true
    @Argument(help: "The domain that is hosted elsewhere now.") var domain: String
    @OptionGroup(title: "DNS evidence") var dnsArguments: DNSArguments
    var request: RemedyRequest { Self.kind.request(domain) }
}
