import MailServer

/// What a running analysis reports while it works, in order, from its worker threads.
public enum AnalysisEvent: Sendable {
    /// Bytes of the logs read so far, of `total` (plain files only; compressed ones are not counted).
    case logProgress(done: Int, total: Int)
    /// The server's files are read (the logs may still be being scanned): a screen can show the
    /// server at once, before the rules have the log evidence.
    case snapshotRead(ServerSnapshot)
    /// The server and its logs are read and the rules have run: the report without enrichments,
    /// so a screen can show it at once while slower evidence (Exim, DNS) is gathered.
    case findingsReady(AnalysisReport)
    /// An enrichment starts (its ``AnalysisEnrichment/name``).
    case enrichmentStarted(String)
    /// An enrichment has finished; the report now carries its evidence.
    case enriched(String, AnalysisReport)
}
