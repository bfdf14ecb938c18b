/// The severity shown beside a row (mirrors Diagnosis' `Severity` so views need not switch on it).
public enum SeverityMark: Int, Sendable, Hashable, Comparable {
    case info = 0, warning = 1, critical = 2

    public static func < (a: SeverityMark, b: SeverityMark) -> Bool { a.rawValue < b.rawValue }

    /// The role its marker is drawn in.
    public var role: StyleRole {
        switch self {
        case .critical: .conflictCritical
        case .warning: .conflictWarning
        case .info: .conflictInfo
        }
    }
}
