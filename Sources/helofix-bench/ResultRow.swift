import Console

/// One row of the result table.
struct ResultRow {
    var name: String
    var values: Statistics
    var unit: String
    var note: String = ""

    func render() -> String {
        pad(name, 42) + pad(format(values.median), 12) + pad(format(values.min), 12) + pad(format(values.max), 12) + note
    }

    /// The median in the row's unit.
    var renderedMedian: String { format(values.median) }

    private func format(_ v: Double) -> String {
        switch unit {
        case "s": fixed(v, 3) + " s"
        case "ms": fixed(v * 1000, 2) + " ms" // samples are seconds, shown in milliseconds
        case "µs": fixed(v * 1_000_000, 3) + " µs" // samples are seconds, shown in microseconds
        case "MiB": fixed(v, 1) + " MiB"
        default: fixed(v, 2)
        }
    }
}

func fixed(_ v: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let n = Int((v * scale).rounded())
    let whole = n / Int(scale), frac = abs(n % Int(scale))
    let fracText = String(frac)
    return "\(n < 0 && whole == 0 ? "-" : "")\(whole)." + String(repeating: "0", count: digits - fracText.count) + fracText
}

/// `s` padded to `width` columns (measured like every other text, by ``TextFit``), or followed by
/// one space when it is wider: a result row is never cut.
func pad(_ s: String, _ width: Int) -> String {
    let columns = TextFit.width(s)
    return columns >= width ? s + " " : s + String(repeating: " ", count: width - columns)
}
