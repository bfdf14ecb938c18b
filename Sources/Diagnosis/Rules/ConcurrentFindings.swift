import MailServer

/// A rule's per-item work on every core, for the rules that make one finding per rejection group
/// (a flood has thousands, each with its own explanation and remedies): the items are cut into
/// runs, each run is done on some core, and the findings come back in the items' order, exactly as
/// a plain loop would give them.
enum ConcurrentFindings {
    /// Items one thread takes in a go.
    static let run = 64

    /// `finding(item)` for every item, in order, skipping `nil`s.
    ///
    /// Each finding is built straight into its item's slot and moved from there into the result:
    /// a flood's 10,000 findings were copied twice on the way (each run's array, then the joined
    /// one), a retain and release per field each time, on one core after the rules' parallel part.
    static func map<Item: Sendable>(_ items: [Item], _ finding: @Sendable (Item) -> Finding?) -> [Finding] {
        guard items.count > run else { return items.compactMap(finding) }
        let slots = FindingSlots(count: items.count)
        defer { slots.deallocate() }
        let made = ConcurrentParts.map(items.count, inRunsOf: run) { range in
            var made = 0
            for i in range {
                let f = finding(items[i])
                if f != nil { made += 1 }
                slots.initialize(i, to: f)
            }
            return made
        }
        return slots.moveOut(total: made.reduce(0, +))
    }
}

/// One optional finding per item, filled by several threads: each slot is written by exactly one
/// run and read only after every run has finished (``ConcurrentParts/map(_:workers:_:)`` joins its
/// threads before it returns), so no lock is needed; hence `@unchecked Sendable`.
private struct FindingSlots: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Finding?>

    init(count: Int) { slots = .allocate(capacity: count) }

    func initialize(_ i: Int, to value: consuming Finding?) { slots.initializeElement(at: i, to: value) }

    /// The findings of every slot, in order, moved out (the slots are left uninitialized).
    func moveOut(total: Int) -> [Finding] {
        Array(unsafeUninitializedCapacity: total) { out, count in
            for i in slots.indices {
                if let f = slots.moveElement(from: i) {
                    out.initializeElement(at: count, to: f)
                    count += 1
                }
            }
        }
    }

    func deallocate() { slots.deallocate() }
}
