import MailServer

/// A rule's per-item work on every core, for the rules that make one finding per rejection group
/// (a flood has thousands, each with its own explanation and remedies): the items are cut into
/// runs, each run is done on some core, and the findings come back in the items' order, exactly as
/// a plain loop would give them.
enum ConcurrentFindings {
    /// Items one thread takes in a go.
    static let run = 64

    /// `finding(item)` for every item, in order, skipping `nil`s.
    static func map<Item: Sendable>(_ items: [Item], _ finding: @Sendable (Item) -> Finding?) -> [Finding] {
        guard items.count > run else { return items.compactMap(finding) }
        let runs = (items.count + run - 1) / run
        return ConcurrentParts.map(runs) { r in items[(r * run)..<min(items.count, (r + 1) * run)].compactMap(finding) }.flatMap { $0 }
    }
}
