/// Median, minimum and maximum of a few timed runs.
struct Statistics {
    var median: Double
    var min: Double
    var max: Double

    init(_ values: [Double]) {
        let sorted = values.sorted()
        let mid = sorted.count / 2
        median = sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
        min = sorted.first ?? 0
        max = sorted.last ?? 0
    }
}
