import Foundation
import ServerFixtures
import Testing
import TestSupport

/// The log scan splits a file between every core the process may use; `inspect` must print the
/// same bytes when it may use only one (`taskset -c 0`).
@Suite("helofix inspect on one core and on all")
struct InspectCoresTests {
    /// About `mib` MiB of delivery traffic with cPanel rejections and DirectAdmin-style HELO
    /// retries (two lines per attempt) from a few senders.
    static func log(mib: Int) -> Data {
        var text = ""
        text.reserveCapacity(mib << 20 + 1024)
        var n = 0
        while text.utf8.count < mib << 20 {
            let time = "2026-11-25 1\(n / 36000 % 10):\(String(format: "%02d", n / 600 % 60)):\(String(format: "%02d", n / 10 % 60))"
            let helo = n % 4 == 0 ? "shop.example.com" : "alice.example.org"
            text += MailLogs.delivery(time: time, id: "1tQ\(n)-000Ab\(n % 97)-\(n % 13)", from: "news@example.net", to: "alice@alice.example.org", ip: "192.0.2.200")
            if n % 2 == 0 {
                text += MailLogs.cpanelRejection(time: time, helo: helo, ip: "203.0.113.\(n % 9)", port: 40_000 + n % 20_000, sender: "a@\(helo)")
            } else {
                let line = "\(time) H=(\(helo)) [198.51.100.\(n % 3)] rejected EHLO or HELO \(helo): REJECTED - Bad HELO - Host impersonating [\(helo)]\n"
                text += line + line
            }
            n += 1
        }
        return Data(text.utf8)
    }

    @Test func sameOutputOnOneCoreAndOnAll() throws {
        let taskset = "/usr/bin/taskset"
        try #require(FileManager.default.isExecutableFile(atPath: taskset), "taskset (Debian package util-linux) is needed for this test")
        let root = try TemporaryRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        let log = root.host("/var/log/flood_mainlog")
        try Self.log(mib: 12).write(to: URL(fileURLWithPath: log))
        let arguments = ["inspect", "--format", "json", "--root", root.path, "--log", log]
        let all = try HelofixBinary.run(arguments)
        let one = try ProcessRunner.run([taskset, "-c", "0", HelofixBinary.path], arguments: arguments)
        #expect(all.status == 0, "\(all.stderr)")
        #expect(one.status == 0, "\(one.stderr)")
        #expect(all.stdout.contains("\"count\""))
        #expect(one.stdout == all.stdout)
    }
}
