/// How many impersonation rejections a synthetic log holds, and from whom.
enum LogProfile: String, CaseIterable {
    /// About one rejection in 10,000 lines from four senders: an ordinary day.
    case sparse
    /// One rejection in 20 lines from thousands of senders greeting with about 2,000 names: the day
    /// a botnet (or a misconfigured fleet) forges this server's domains, when an admin opens helofix.
    case flood

    /// One line in this many is a rejection (with its `closed by DROP` line after it).
    var rejectionEvery: Int {
        switch self {
        case .sparse: 10_000
        case .flood: 20
        }
    }

    /// Where the log is written inside the bench directory. The sparse one is the server's own
    /// main log; the flood one sits outside `/var/log` so a plain `inspect` never picks it up.
    var logPath: String {
        switch self {
        case .sparse: "/var/log/exim_mainlog"
        case .flood: "/flood/exim_mainlog"
        }
    }
}
