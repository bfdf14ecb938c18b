import Console
import Synchronization

/// What background work hands to the event loop.
enum RuntimeMessage: Sendable {
    /// An event for the reducer.
    case console(ConsoleEvent)
    /// A watched configuration file changed: re-read soon.
    case filesChanged
    /// The server cannot be read at all: leave the console and say why.
    case fatal(String)
}

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
