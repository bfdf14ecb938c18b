/// Where trace readers put the traces they make: an array, or a region of one being filled by
/// two threads at once (``TraceSlots``).
protocol TraceSink {
    mutating func append(_ trace: DomainTrace)
}

extension Array: TraceSink where Element == DomainTrace {}
