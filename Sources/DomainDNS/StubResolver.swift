import CResolv
import Glibc

/// One glibc resolver state (`res_state`): owned by one thread, never shared, because libresolv's
/// `res_n*` functions are thread-safe only with a state per thread.
final class StubResolver {
    private let state: res_state?
    private let records: UnsafeMutablePointer<cresolv_record>
    private static let capacity: Int32 = 64

    init(_ settings: ResolverSettings) {
        records = .allocate(capacity: Int(Self.capacity))
        let state = cresolv_open()
        if let state {
            cresolv_set_timing(state, Int32(settings.timeoutSeconds), Int32(settings.tries))
            if let server = settings.server, cresolv_set_server(state, server.address, server.port) != 0 {
                cresolv_close(state)
                self.state = nil
                return
            }
        }
        self.state = state
    }

    deinit {
        cresolv_close(state)
        records.deallocate()
    }

    /// Asks one question and waits for the answer (at most timeout × tries).
    func ask(_ question: DNSQuestion) -> DNSAnswer {
        guard let state else { return .failed(.unavailable) }
        var count: Int32 = 0
        var rcode: Int32 = 0
        let status = cresolv_query(state, question.name, question.type.code, records, Self.capacity, &count, &rcode)
        switch status {
        case cresolv_nxdomain: return .nxdomain
        case cresolv_timeout: return .failed(.timeout)
        case cresolv_failed: return .failed(.serverFailure)
        default: break
        }
        var out: [DNSRecord] = []
        for i in 0..<Int(count) {
            var r = records[i]
            guard let type = RecordType(code: r.type) else { continue }
            let owner = withUnsafeBytes(of: &r.owner) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            var data = withUnsafeBytes(of: &r.data) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if type != .txt { data = data.lowercased() }
            out.append(DNSRecord(type: type, owner: owner.lowercased(), data: data, preference: Int(r.preference)))
        }
        return .records(out)
    }
}
