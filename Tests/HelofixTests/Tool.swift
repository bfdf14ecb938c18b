import Foundation
import MailServer
import Testing
import ServerFixtures
import TestSupport

/// Finds programs on PATH.
enum Tool {
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let dirs = path.split(separator: ":").map(String.init) + ["/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin"]
        return dirs.map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
    }
}
