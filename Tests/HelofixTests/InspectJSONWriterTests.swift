import Foundation
import Testing
@testable import helofix

/// The streaming writer behind `inspect --format json` produces valid JSON for awkward strings.
@Suite struct InspectJSONWriterTests {
    @Test func escapesWhatJSONRequires() throws {
        let path = FileManager.default.temporaryDirectory.path + "/helofix-json-\(UUID().uuidString.prefix(8))"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(fd >= 0)
        let awkward = "quote \" backslash \\ tab \t newline \n bell \u{7} café ✓ /slash"
        var w = JSONWriter(fd: fd)
        w.object { w in
            w.field("text", awkward)
            w.key("list"); w.array { w in w.string("a"); w.number(42); w.bool(false); w.null() }
            w.key("empty"); w.array { _ in }
            w.key("nested"); w.array { w in w.object { w in w.field("n", nil as Int?) } }
        }
        w.flush()
        close(fd)
        defer { unlink(path) }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let doc = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(doc["text"] as? String == awkward)
        #expect((doc["list"] as? [Any])?.count == 4)
        #expect((doc["empty"] as? [Any])?.isEmpty == true)
        #expect(((doc["nested"] as? [[String: Any]])?.first?["n"]) is NSNull)
    }
}
