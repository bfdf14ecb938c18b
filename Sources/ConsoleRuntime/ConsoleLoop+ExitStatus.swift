extension ConsoleLoop.Outcome {
    /// The console's exit status: 0 after `q`, 128 + N after signal N; a failure throws its message.
    func exitStatus() throws(ConsoleLaunchError) -> Int32 {
        switch self {
        case .quit: return 0
        case .signal(let number): return 128 + number
        case .failed(let message): throw ConsoleLaunchError(message)
        }
    }
}
