/// Which DNS server to ask, and how patiently.
public struct ResolverSettings: Sendable, Hashable {
    /// The server; `nil` uses the host's `/etc/resolv.conf` (never the one under `--root`).
    public var server: ResolverAddress?
    /// Seconds to wait for each reply.
    public var timeoutSeconds: Int
    /// Tries per question.
    public var tries: Int
    /// Questions in flight at once (one worker thread, with its own resolver state, per question).
    public var maxInFlight: Int

    /// Defaults: the host's resolver, 2 s a try, 2 tries, 16 in flight. A resolver that never answers
    /// costs 4 s in all, since later questions are not sent once the first ones timed out.
    public init(server: ResolverAddress? = nil, timeoutSeconds: Int = 2, tries: Int = 2, maxInFlight: Int = 16) {
        self.server = server
        self.timeoutSeconds = max(1, timeoutSeconds)
        self.tries = max(1, tries)
        self.maxInFlight = max(1, maxInFlight)
    }

    /// `127.0.0.53:5353`, or `the host's resolver (/etc/resolv.conf)`.
    public var serverDescription: String {
        server?.description ?? "the host's resolver (/etc/resolv.conf)"
    }
}
