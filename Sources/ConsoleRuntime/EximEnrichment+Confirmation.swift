import Analysis
import Remedy

extension EximEnrichment {
    /// The enrichment that replays each sender with `confirmation` (this host's `exim -bh`), used
    /// by `inspect --confirm` and the console alike.
    public static func replaying(_ confirmation: EximConfirmation) -> EximEnrichment {
        EximEnrichment(limit: confirmation.limit) { ip, greeting, localIP in
            var c = confirmation
            c.localIP = localIP
            switch c.replay(.init(ip: ip, greeting: greeting)) {
            case .verdict(let v): return .success(v)
            case .failed(let why): return .failure(ReplayFailure(why))
            }
        }
    }
}
