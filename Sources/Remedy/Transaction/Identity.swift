import Foundation

/// Who makes a change, as the audit trail records it (docs/changes.md, rule 1): the admin behind
/// `sudo` (`SUDO_USER`), the kernel's login uid (survives `su`), and the SSH client.
public struct Identity: Sendable, Codable, Hashable {
    /// The effective user name (`root`).
    public var user: String
    /// `SUDO_USER`, when run through sudo.
    public var sudoUser: String?
    /// `/proc/self/loginuid` (`nil` when unset: 4294967295).
    public var loginUID: UInt32?
    /// `SSH_CONNECTION` (`client-ip client-port server-ip server-port`).
    public var sshConnection: String?

    /// Creates an identity.
    public init(user: String, sudoUser: String? = nil, loginUID: UInt32? = nil, sshConnection: String? = nil) {
        self.user = user
        self.sudoUser = sudoUser
        self.loginUID = loginUID
        self.sshConnection = sshConnection
    }

    /// The person in one word: the sudo user if any, else the user.
    public var who: String { sudoUser ?? user }

    /// Reads the identity of the running process from its environment and `/proc/self/loginuid`.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> Identity {
        let user = getpwuid(geteuid()).map { String(cString: $0.pointee.pw_name) } ?? environment["USER"] ?? String(geteuid())
        var loginUID: UInt32?
        if let text = try? String(contentsOfFile: "/proc/self/loginuid", encoding: .utf8),
           let value = UInt32(text.trimmingCharacters(in: .whitespacesAndNewlines)), value != UInt32.max {
            loginUID = value
        }
        return Identity(user: user, sudoUser: environment["SUDO_USER"].flatMap { $0.isEmpty ? nil : $0 },
                        loginUID: loginUID, sshConnection: environment["SSH_CONNECTION"].flatMap { $0.isEmpty ? nil : $0 })
    }
}
