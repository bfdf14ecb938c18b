import Foundation
import Testing
import ServerFixtures
import TestSupport

/// The whole fleet path with real parts: ansible-playbook over real SSH to a real sshd on loopback
/// collects three fixture servers, then `helofix fleet` reads what it collected.
@Suite("fleet collected with Ansible over SSH")
struct FleetAnsibleTests {
    static let playbook = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("contrib/ansible/collect.yml").path

    @Test func playbookCollectsThreeServersAndFleetNamesTheStaleCopy() throws {
        let playbookRunner = try #require(Tool.find("ansible-playbook"), "ansible-playbook is needed (apt-get install ansible-core)")
        let sshdPath = try #require(Tool.find("sshd"), "sshd is needed (apt-get install openssh-server)")
        let keygen = try #require(Tool.find("ssh-keygen"), "ssh-keygen is needed (apt-get install openssh-client)")
        let python = try #require(Tool.find("python3"), "python3 is needed")
        let work = try TemporaryRoot.empty()
        defer { work.remove() }
        let servers = Fixtures.fleet
        for s in servers { try s.tree.write(to: work.host("/servers/\(s.name)")) }
        // A gzipped rotation on the old server: one line inside the day window, one far older, one delivery.
        let day = DateFormatter()
        day.dateFormat = "yyyy-MM-dd"
        day.timeZone = TimeZone(identifier: "UTC")
        let yesterday = day.string(from: Date().addingTimeInterval(-86_400))
        let rotated = [
            "2000-01-01 10:00:00 H=(ancient.example) [192.0.2.99]:1 rejected MAIL <a@ancient.example>: \"REJECTED - Bad HELO - Host impersonating [ancient.example]\"",
            "\(yesterday) 10:00:00 H=(rotated.example) [192.0.2.98]:1 rejected MAIL <a@rotated.example>: \"REJECTED - Bad HELO - Host impersonating [rotated.example]\"",
            "\(yesterday) 10:00:01 1tQabc-000AAA-01 <= news@example.net H=mail.example.net [192.0.2.200]:40112 P=esmtps S=4211",
        ].joined(separator: "\n") + "\n"
        let gz = try ProcessRunner.run(["/bin/sh", "-c", "gzip -c > \"$0\"", work.host("/servers/old/var/log/exim_mainlog.1.gz")], stdin: rotated)
        #expect(gz.status == 0, "\(gz.stderr)")
        // The fixture logs are from November 2026: the window reaches back to them, not to 2000.
        let fixtureMonth = day.date(from: "2026-11-01")!
        let days = Int(Date().timeIntervalSince(fixtureMonth) / 86_400) + 30
        let addresses = ["127.0.0.2", "127.0.0.3", "127.0.0.4"]
        let sshd = try LoopbackSSHD(sshd: sshdPath, keygen: keygen, addresses: addresses, directory: work.host("/ssh"))
        defer { sshd.stop() }
        let closedPort = try LoopbackSSHD.freePort()

        var inventory = "[mail]\n"
        for (s, address) in zip(servers, addresses) {
            inventory += "\(s.name) ansible_host=\(address) helofix_root=\(work.host("/servers/\(s.name)"))\n"
        }
        // A host nobody answers for: reported, and the others go on.
        inventory += "gone ansible_host=127.0.0.5 ansible_port=\(closedPort)\n"
        inventory += """
            [mail:vars]
            ansible_port=\(sshd.port)
            ansible_user=\(sshd.user)
            ansible_ssh_private_key_file=\(sshd.clientKey)
            ansible_python_interpreter=\(python)
            helofix_log_days=\(days)

            """
        try work.write("/inventory.ini", inventory)
        try work.write("/ansible.cfg", "")
        let env = [
            "ANSIBLE_CONFIG": work.host("/ansible.cfg"), "ANSIBLE_HOME": work.host("/ansible-home"),
            "ANSIBLE_LOCAL_TEMP": work.host("/ansible-local"), "ANSIBLE_REMOTE_TEMP": work.host("/ansible-remote"),
            "ANSIBLE_HOST_KEY_CHECKING": "False", "ANSIBLE_PIPELINING": "True", "ANSIBLE_NOCOLOR": "1",
            "ANSIBLE_RETRY_FILES_ENABLED": "False", "ANSIBLE_SSH_CONTROL_PATH_DIR": work.host("/ansible-cp"),
            // No ControlPersist master: it would outlive the run holding the output pipes open.
            "ANSIBLE_SSH_ARGS": "-o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no -o ControlMaster=no",
        ]
        let dest = work.host("/dest")
        let run = try ProcessRunner.run([playbookRunner, "-i", work.host("/inventory.ini"), Self.playbook, "-e", "helofix_dest=\(dest)"],
                                        environment: env)
        let transcript = "ansible-playbook exited \(run.status)\n\(run.stdout)\n\(run.stderr)\nsshd: \(sshd.log)"
        // 4: some host was unreachable (gone), which is what the run reports for it.
        #expect(run.status == 4, "\(transcript)")
        #expect(run.stdout.contains("collected: new, old, other") || run.stdout.contains("collected: old, new, other"), "\(transcript)")
        #expect(run.stdout.contains("not collected (unreachable or failed, see above): gone"), "\(transcript)")
        #expect(run.stdout.range(of: #"gone\s+: ok=0\s+changed=0\s+unreachable=1\s+failed=0"#, options: .regularExpression) != nil, "\(transcript)")

        // The trees: files copied, per-domain directories as names only, logs filtered on the server.
        let fm = FileManager.default
        #expect(try String(contentsOfFile: dest + "/old/etc/localdomains", encoding: .utf8) == work.text("/servers/old/etc/localdomains"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dest + "/old/etc/valiases/shop.example.com")).isEmpty, "names only, never contents")
        let oldLog = try String(contentsOfFile: dest + "/old/var/log/exim_mainlog", encoding: .utf8)
        #expect(oldLog.contains("Host impersonating [shop.example.com]") && !oldLog.contains(" <= "), "only impersonation lines: \(oldLog)")
        #expect(fm.fileExists(atPath: dest + "/other/etc/virtual/shop.example.net"), "DirectAdmin's domain directories are recreated")
        let rotatedCopy = try String(contentsOfFile: dest + "/old/var/log/exim_mainlog.1", encoding: .utf8)
        #expect(rotatedCopy.contains("[rotated.example]"), ".gz rotations are read: \(rotatedCopy)")
        #expect(!rotatedCopy.contains("ancient.example"), "lines older than helofix_log_days are dropped")
        #expect(!rotatedCopy.contains(" <= "))
        #expect(!fm.fileExists(atPath: dest + "/gone"))
        #expect(((try? fm.contentsOfDirectory(atPath: dest + "/.incoming")) ?? []).isEmpty, "fetched archives are removed")
        for line in run.stdout.split(separator: "\n") where line.contains("work=/") {
            let path = String(line[line.range(of: "work=")!.upperBound...].prefix { $0 != "\"" && $0 != "," })
            #expect(!fm.fileExists(atPath: path), "the temporary directory on the server is removed: \(path)")
        }

        let fleet = try HelofixBinary.run(["fleet", dest, "--format", "json"])
        #expect(fleet.status == 0, "\(fleet.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(fleet.stdout.utf8)) as? [String: Any], "\(fleet.stdout)")
        let members = try #require(json["servers"] as? [[String: Any]])
        #expect(members.compactMap { $0["name"] as? String } == ["new", "old", "other"])
        #expect(members.allSatisfy { $0["read"] as? Bool == true })
        let findings = try #require(json["fleetFindings"] as? [[String: Any]])
        let stale = findings.filter { $0["rule"] as? String == "domain-on-two-servers" }
        #expect(stale.count == 1, "\(fleet.stdout)")
        let finding = try #require(stale.first)
        #expect(finding["fixOn"] as? String == "old")
        #expect(finding["servers"] as? [String] == ["new", "old"])
        #expect((finding["subjects"] as? [[String: String]])?.map { $0["value"] } == ["shop.example.com"])
        #expect(finding["severity"] as? String == "critical", "the old server's log refuses the new one's greeting")
        let remedy = try #require((finding["remedies"] as? [[String: Any]])?.first)
        #expect(remedy["plan"] as? String == "helofix plan remove-domain shop.example.com")
        #expect(remedy["ansible"] as? String == "ansible old -m ansible.builtin.command -a 'helofix plan remove-domain shop.example.com'")
        // Domains hosted once produce nothing across servers.
        let hostedOnce = ["alice.example.org", "blog.alice.example.org", "bob.example.net", "shop.example.net", "erin.example.org"]
        for f in findings {
            let subjects = (f["subjects"] as? [[String: String]])?.compactMap { $0["value"] } ?? []
            #expect(Set(subjects).isDisjoint(with: hostedOnce), "\(f)")
        }
        #expect(findings.count == 1, "only the migrated domain: \(fleet.stdout)")
    }
}
