import ArgumentParser
import Remedy

/// The words of a domain removal: DNS is asked where the domain's mail goes before it is removed.
protocol DomainRemovalWords: RemedyWords {
    /// The domain to remove.
    var domain: String { get }
    /// Whether and how to ask DNS.
    var dnsArguments: DNSArguments { get }
}

// MARK: - Former words, hidden, for one release
