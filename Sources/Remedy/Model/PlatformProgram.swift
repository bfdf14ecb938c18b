/// The platform's own programs a plan may run, at their fixed host paths. They are run from the
/// host (never from inside `--root`) and only when the root is `/`; a journal naming any other
/// program is refused as corrupt.
public enum PlatformProgram {
    /// cPanel's rename tool (validates, rewrites /etc/hosts, wwwacct.conf, localdomains, restarts Exim).
    public static let cpanelSetHostname = "/usr/local/cpanel/bin/set_hostname"
    /// cPanel's Exim configuration rebuild (copies custom ACLs into /etc/exim.conf).
    public static let cpanelBuildEximConf = "/scripts/buildeximconf"
    /// DirectAdmin's rename script.
    public static let directAdminHostname = "/usr/local/directadmin/scripts/hostname.sh"
    /// systemd's rename tool on plain Exim servers.
    public static let hostnamectl = "/usr/bin/hostnamectl"

    /// Every program a plan may name.
    public static let known: Set<String> = [cpanelSetHostname, cpanelBuildEximConf, directAdminHostname, hostnamectl]
}
