
/// The receiving side's greeting-forgery rules as configured on this server.
public struct HeloCheckSettings: Codable, Sendable, Hashable {
    /// Rejects a greeting equal to this server's hostname (cPanel `acl_requirehelonoforge`,
    /// DirectAdmin `HELO_HOST_IMPERSANATION`).
    public var hostnameRule: RuleSetting
    /// Rejects a greeting that is a local domain (cPanel `acl_requirehelonold`,
    /// DirectAdmin `HELO_IS_LOCAL_DOMAIN`).
    public var localDomainRule: RuleSetting
    /// At which SMTP stage the rules run (`mail` on cPanel, `helo` on DirectAdmin).
    public var stage: SMTPStage?
    /// DirectAdmin: whether the installed exim.conf accepts `+whitelist_hosts_ip` before the denies.
    public var whitelistHostsIPAccept: Bool?
    /// DirectAdmin: whether `acl_check_helo` accepts any greeting on ports 465/587 (SpamBlocker
    /// 4.5.57+, which requires SMTP AUTH there), so submitting on 587 with AUTH skips the HELO checks.
    public var submissionPortsAcceptAnyHelo: Bool? = nil
    /// DirectAdmin: whether `acl_check_helo` includes `/etc/exim.acl_check_helo.pre.conf` (4.5+).
    public var heloPreConfHook: Bool? = nil
    /// cPanel: whether the `custom_begin_mail` ACL slot is built in (`acl_custom_begin_mail` is not 0
    /// in /etc/exim.conf.localopts; WHM "Reset configuration" sets it to 0).
    public var customBeginMail: Bool? = nil

    /// Creates settings.
    public init(hostnameRule: RuleSetting, localDomainRule: RuleSetting, stage: SMTPStage?, whitelistHostsIPAccept: Bool? = nil) {
        self.hostnameRule = hostnameRule
        self.localDomainRule = localDomainRule
        self.stage = stage
        self.whitelistHostsIPAccept = whitelistHostsIPAccept
    }

    /// Settings of a server whose rules could not be determined.
    public static let unknown = HeloCheckSettings(
        hostnameRule: RuleSetting(enabled: nil, source: "unknown"),
        localDomainRule: RuleSetting(enabled: nil, source: "unknown"), stage: nil)
}
