import Console
import Synchronization

/// A thread-safe mailbox: background threads post, the curses thread drains between key reads.
final class RuntimeInbox: Sendable {
    private let messages = Mutex<[RuntimeMessage]>([])

    /// Adds a message (any thread).
    func post(_ message: RuntimeMessage) {
        messages.withLock { $0.append(message) }
    }

    /// Takes every waiting message, oldest first.
    func drain() -> [RuntimeMessage] {
        messages.withLock { waiting in
            defer { waiting.removeAll(keepingCapacity: true) }
            return waiting
        }
    }
}
