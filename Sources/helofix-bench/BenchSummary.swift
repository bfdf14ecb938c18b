/// The figures the performance issue is judged by, from one run's rows: every row with a target
/// (`<= 1.0`, `< 150 MiB`, `< 5 ms`…) with its median and whether the median meets it, plus the
/// CPU-time ratios (the figure a loaded machine moves least). Printed after the table, so a rerun
/// on a quiet machine gives the closing figures in a few lines.
struct BenchSummary {
    let rows: [ResultRow]

    func render(load: String) -> String {
        var lines = ["", "summary (medians; load average \(load) at the start):"]
        for row in rows {
            if let verdict = Self.verdict(row) {
                lines.append("  " + pad(row.name, 42) + pad(row.renderedMedian, 12) + "target \(row.note): \(verdict)")
            } else if row.name.contains("CPU ratio") {
                lines.append("  " + pad(row.name, 42) + row.renderedMedian)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// "met" or "MISSED" for a row whose note is a numeric bound (`<= 1.0`, `< 150 MiB`, `< 5 ms`,
    /// `<= 0.15 s`), compared in the row's own unit; nil for other notes.
    static func verdict(_ row: ResultRow) -> String? {
        let parts = row.note.split(separator: " ")
        guard parts.count >= 2, parts[0] == "<" || parts[0] == "<=", let bound = Double(parts[1]) else { return nil }
        let unit = parts.count > 2 ? String(parts[2]) : ""
        // Rows in "ms" and "µs" hold seconds (rendered in milli- and microseconds).
        let value = unit == "ms" ? row.values.median * 1000 : unit == "µs" ? row.values.median * 1_000_000 : row.values.median
        let met = parts[0] == "<" ? value < bound : value <= bound
        return met ? "met" : "MISSED"
    }
}
