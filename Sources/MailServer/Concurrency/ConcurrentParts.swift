import Dispatch
import Synchronization

/// Work split into parts that run on every core at once (a big log in slices, ten thousand
/// account files in chunks), with the results handed back in part order whatever the threads did.
public enum ConcurrentParts {
    /// `body(0) … body(count - 1)`, run concurrently, in index order.
    public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let slots = Mutex<[T?]>(Array(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let value = body(index)
            slots.withLock { $0[index] = value }
        }
        // concurrentPerform returns after every part ran, so every slot is filled.
        return slots.withLock { $0.compactMap { $0 } }
    }
}
