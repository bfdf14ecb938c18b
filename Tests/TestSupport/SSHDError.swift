import Foundation

/// Why the test sshd could not start.
public struct SSHDError: Error, CustomStringConvertible {
    public var description: String
    init(_ d: String) { description = d }
}
