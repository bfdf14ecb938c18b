import Dispatch

/// Why a log could not be read.
struct LogReadError: Error {
    var message: String
}
