/// A region of uninitialized traces, filled from its start by one thread.
///
/// The snapshot's 300,000 traces are made on two threads, each into its own part of one buffer,
/// so the parts need not be copied together afterwards (a copy retains three strings per trace).
/// `@unchecked Sendable`: the pointer is handed to exactly one thread, and the buffer's owner
/// reads the region only after that thread has finished (``SideTask/value()``).
struct TraceSlots: TraceSink, @unchecked Sendable {
    let base: UnsafeMutablePointer<DomainTrace>
    let capacity: Int
    /// Traces written so far, at `base[0..<count]`.
    private(set) var count = 0

    init(base: UnsafeMutablePointer<DomainTrace>, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    mutating func append(_ trace: DomainTrace) {
        precondition(count < capacity, "more traces than listed names")
        (base + count).initialize(to: trace)
        count += 1
    }
}
