import MailServer

/// `check-disabled` (info): one of the two greeting-forgery rules is off here, and what that means.
struct CheckDisabledRule: FindingRule {
    func findings(in c: RuleContext) -> [Finding] {
        var out: [Finding] = []
        if c.settings.hostnameRule.enabled == false {
            out.append(finding(c, name: hostnameRuleName(c.platform), setting: c.settings.hostnameRule,
                               meaning: "A client that greets as this server's own hostname is not refused here. Spam that forges our name gets past this check; legitimate senders that reuse the name are not affected."))
        }
        if c.settings.localDomainRule.enabled == false {
            out.append(finding(c, name: localRuleName(c.platform), setting: c.settings.localDomainRule,
                               meaning: "A client that greets as a domain hosted here is not refused by this server. Stale local domains still matter: other servers with the rule on refuse mail greeting with them, and mail for them stays here."))
        }
        return out
    }

    private func finding(_ c: RuleContext, name: String, setting: RuleSetting, meaning: String) -> Finding {
        let location = SourceLocation(file: setting.source.split(separator: ":").first.map(String.init) ?? setting.source)
        return Finding(rule: .checkDisabled, severity: .info, title: "\(name) is off",
                       subjects: [.file(location.file)], evidence: [.file(location, text: setting.source)],
                       explanation: "On this \(c.platform.displayName) server \(name) is off (\(setting.source)). " + meaning,
                       remedies: [RemedyOption(.advice(enableHint(c.platform, name)), title: "Leave it, or turn \(name) on",
                                               tradeOff: "Turning it on refuses forged greetings, and also any legitimate sender that greets with our names: fix those first.")])
    }

    private func hostnameRuleName(_ p: Platform) -> String {
        p == .cpanel ? "\"Require remote (hostname/IP address) HELO\" (acl_requirehelonoforge)" : "the hostname impersonation rule (HELO_HOST_IMPERSANATION)"
    }

    private func localRuleName(_ p: Platform) -> String {
        p == .cpanel ? "\"Require remote (domain) HELO\" (acl_requirehelonold)" : "the local-domain impersonation rule (HELO_IS_LOCAL_DOMAIN)"
    }

    private func enableHint(_ p: Platform, _ name: String) -> String {
        p == .cpanel ? "WHM » Exim Configuration Manager » Basic Editor » ACL Options: \(name)." : "Restore the rule in /etc/exim.conf (CustomBuild: ./build exim_conf)."
    }
}
