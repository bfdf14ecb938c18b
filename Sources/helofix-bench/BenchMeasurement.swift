import Foundation

/// One thing the bench measures; each lives in its own file so new figures (the console's first
/// frame, per-frame times) are added as new types, not edits here.
protocol BenchMeasurement {
    /// Timed rows for the table.
    func measure(_ setup: BenchSetup) throws -> [ResultRow]
}
