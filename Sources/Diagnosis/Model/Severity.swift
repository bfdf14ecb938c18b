import MailServer

/// How bad a finding is.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    /// Mail is being refused now, or certainly will be.
    case critical
    /// A latent conflict or a mistake that will bite.
    case warning
    /// Worth knowing.
    case info

    public static func < (a: Severity, b: Severity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
