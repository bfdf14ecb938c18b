import Diagnosis
import MailServer
import ProcessLaunch
import ServerFixtures
import Testing

/// DirectAdmin SpamBlocker 4.4's helo ACL: the denies without the `+whitelist_hosts_ip` accept.
enum DirectAdminConf {
    static let spamBlocker44 = """
        primary_hostname = da1.hostco.example
        domainlist local_domains = lsearch;/etc/virtual/domains
        hostlist relay_hosts = net-iplsearch;/etc/virtual/pophosts
        acl_smtp_helo = acl_check_helo
        begin acl
        acl_check_helo:
          accept hosts = +relay_hosts : 127.0.0.1 : ::1
          drop message = HELO_HOST_IMPERSANATION
               condition = ${if eq{$sender_helo_name}{$smtp_active_hostname}{yes}{no}}
          drop message = HELO_IS_LOCAL_DOMAIN
               condition = ${if match_domain{$sender_helo_name}{+local_domains}{yes}{no}}
          accept

        """
}
