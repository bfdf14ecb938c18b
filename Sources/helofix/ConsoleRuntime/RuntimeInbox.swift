import Console
import Foundation

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
final class RuntimeInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [RuntimeMessage] = []

    /// Adds a message (any thread).
    func post(_ message: RuntimeMessage) {
        lock.lock()
        messages.append(message)
        lock.unlock()
    }

    /// Takes every waiting message, oldest first.
    func drain() -> [RuntimeMessage] {
        lock.lock()
        defer { lock.unlock() }
        let out = messages
        messages.removeAll(keepingCapacity: true)
        return out
    }
}
