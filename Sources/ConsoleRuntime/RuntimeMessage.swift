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
