import Console

/// What the terminal delivers to the event loop.
public enum TerminalInput: Sendable, Hashable {
    /// A key press.
    case key(Key)
    /// The window changed size (already applied to the curses screen).
    case resize(width: Int, height: Int)
    /// SIGINT, SIGTERM or SIGHUP arrived: restore the terminal and exit.
    case signal(Int32)
}
