import Dispatch

/// What reading the logs found.
public struct LogScanReport: Sendable {
    /// Rejections grouped per (IP, greeting).
    public var groups: [RejectionGroup]
    /// All rejections counted.
    public var rejections: Int
    /// The files read, with their size and count.
    public var files: [ScannedLog]
    /// Files that could not be read, one sentence each (what happened and what to do).
    public var problems: [String]

    /// Creates a report.
    public init(groups: [RejectionGroup], rejections: Int, files: [ScannedLog], problems: [String]) {
        self.groups = groups
        self.rejections = rejections
        self.files = files
        self.problems = problems
    }
}
