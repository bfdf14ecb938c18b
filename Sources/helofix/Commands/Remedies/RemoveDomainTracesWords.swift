import ArgumentParser
import Remedy

/// `remove-domain-traces DOMAIN`.
struct RemoveDomainTracesWords: RemedyWords {
    static let kind = RemedyKind.removeDomainTraces
    @Argument(help: "The domain that is hosted elsewhere now.") var domain: String
    var request: RemedyRequest { Self.kind.request(domain) }
}
