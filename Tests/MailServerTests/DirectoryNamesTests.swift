import Foundation
import Testing
import TestSupport
@testable import MailServer

/// A directory is listed 256 KiB of entries at a time: one bigger than that (several reads of
/// entries) gives every name once, in the order `readdir` gives them, without `.` and `..`.
@Suite struct DirectoryNamesTests {
    @Test func aDirectoryOfManyEntriesIsListedWhole() throws {
        let root = try TemporaryRoot.empty()
        defer { root.remove() }
        let dir = root.host("/etc/valiases")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // 6,000 names of 180 bytes or more: about 1.2 MB of entries, several reads.
        var made: [String] = []
        for i in 0..<6_000 {
            let name = "d\(i)-" + String(repeating: "x", count: 170 + i % 40) + ".example"
            #expect(FileManager.default.createFile(atPath: dir + "/" + name, contents: nil))
            made.append(name)
        }
        for name in ["é.example", ".hidden", "..x", "a"] { #expect(FileManager.default.createFile(atPath: dir + "/" + name, contents: nil)) }
        made += ["é.example", ".hidden", "..x", "a"]
        let server = ServerRoot(root.path)
        var listed: [String] = []
        #expect(server.forEachName("/etc/valiases") { listed.append(String(decoding: $0, as: UTF8.self)) })
        #expect(listed == server.list("/etc/valiases"))
        #expect(listed.sorted() == made.sorted())
        var fromNames: [String] = []
        DirectoryNames(server, "/etc/valiases").forEach { fromNames.append(String(decoding: $0, as: UTF8.self)) }
        #expect(fromNames == listed)
        #expect(!server.forEachName("/etc/none") { _ in })
        #expect(!server.forEachName("/etc/valiases/a") { _ in })
    }
}
