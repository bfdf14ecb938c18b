import Console

/// Why the terminal could not be opened, with what to do.
public enum TerminalError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No terminal description worked.
    case noUsableTerminal(tried: [String])
    /// The in- or output could not be opened.
    case cannotOpenStreams

    public var description: String {
        switch self {
        case .noUsableTerminal(let tried):
            "no terminal description works here (tried \(tried.joined(separator: ", "))); set TERM to one your system knows (e.g. xterm-256color) or use `helofix inspect`."
        case .cannotOpenStreams:
            "cannot open the terminal for input and output; run helofix in an interactive terminal or use `helofix inspect`."
        }
    }
}
