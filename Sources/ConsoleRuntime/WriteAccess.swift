import Foundation
import MailServer
import Remedy

/// Whether this user can change the server at all: `/etc` under the root and the state directory
/// (or the nearest existing parent of it) must be writable. Otherwise the console opens read-only.
enum WriteAccess {
    /// `nil` when writable, else the one-line reason.
    static func problem(root: ServerRoot) -> String? {
        if access(root.hostPath("/etc"), W_OK) != 0 {
            return "read-only: you cannot write \(root.hostPath("/etc")); run as root to make changes"
        }
        var state = StateStore.directory
        while state != "/" && access(root.hostPath(state), F_OK) != 0 {
            state = (state as NSString).deletingLastPathComponent
        }
        if access(root.hostPath(state), W_OK) != 0 {
            return "read-only: you cannot write \(root.hostPath(state)) (helofix keeps its backups there); run as root to make changes"
        }
        return nil
    }
}
