#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibcExtras

/// A program could not be started.
public struct LaunchError: Error, Sendable, CustomStringConvertible {
    /// The program as given.
    public var program: String
    /// The `errno` value.
    public var code: Int32

    public var description: String { "cannot start \(program): \(String(cString: strerror(code)))" }
}
