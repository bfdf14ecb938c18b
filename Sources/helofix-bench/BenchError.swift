#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A bench failure, said in one line with what to do.
struct BenchError: Error {
    var message: String
}
