import ArgumentParser
import Remedy

/// `remove-domain-traces DOMAIN`.
struct RemoveDomainTracesWords: DomainRemovalWords {
    static let kind = RemedyKind.removeDomainTraces
    @Argument(help: "The domain that is hosted elsewhere now.") var domain: String
    @OptionGroup(title: "DNS evidence") var dnsArguments: DNSArguments
    var request: RemedyRequest { Self.kind.request(domain) }
}
