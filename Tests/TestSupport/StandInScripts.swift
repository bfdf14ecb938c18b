import Foundation

/// Stand-ins for platform programs outside our control (cPanel's `set_hostname`, `buildeximconf`),
/// written INSIDE a test root where helofix looks them up.
public enum StandInScripts {
    /// Writes an executable shell script at the server path under `root`.
    public static func install(_ serverPath: String, in root: String, body: String) throws {
        let host = root + serverPath
        try FileManager.default.createDirectory(atPath: (host as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        try Data(("#!/bin/sh\n" + body + "\n").utf8).write(to: URL(fileURLWithPath: host))
        chmod(host, 0o755)
    }

    /// A `set_hostname` that does what matters here: writes the name to /etc/hostname and wwwacct.conf's HOST.
    public static func setHostname(in root: String, path: String = "/usr/local/cpanel/bin/set_hostname") throws {
        try install(path, in: root, body: """
            case "$1" in ""|*[!a-z0-9.-]*) echo "invalid hostname" >&2; exit 1;; esac
            printf '%s\\n' "$1" > "\(root)/etc/hostname"
            if [ -f "\(root)/etc/wwwacct.conf" ]; then
              sed -i "s/^HOST .*/HOST $1/" "\(root)/etc/wwwacct.conf"
            fi
            """)
    }
}
