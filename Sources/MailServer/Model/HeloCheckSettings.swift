/// Whether one HELO rule is active, and what said so.
public struct RuleSetting: Codable, Sendable, Hashable {
    /// `true` on, `false` off, `nil` unknown (the deciding file could not be read).
    public var enabled: Bool?
    /// Where the value comes from: a file location, or `platform default`.
    public var source: String

    /// Creates a setting.
    public init(enabled: Bool?, source: String) {
        self.enabled = enabled
        self.source = source
    }
}

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
