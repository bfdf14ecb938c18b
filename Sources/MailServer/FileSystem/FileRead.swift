import SystemPackage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The outcome of reading a file.
public enum FileRead: Sendable {
    /// Nothing at that path: a missing list reads as empty.
    case missing
    /// The bytes and the file's identity.
    case content([UInt8], FileStatus)
    /// The file exists but could not be read.
    case failed(Diagnostic)
}
