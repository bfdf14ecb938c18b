import Foundation
import ProcessLaunch

/// A stand-in DNS server for what dnsmasq cannot be made to do on its own: a UDP socket on
/// loopback that reads every question and either never replies or replies SERVFAIL (the question
/// sent back with the reply bit and code 2 set, nothing else). Opened and closed by the test.
public final class StubDNS: @unchecked Sendable {
    /// How it treats questions.
    public enum Behaviour: Sendable { case silent, serverFailure }

    /// The address.
    public let address: String
    /// The port the socket is bound to.
    public let port: UInt16
    private let fd: Int32

    /// `IP:PORT` for `--resolver`, or `IP#PORT` for dnsmasq's `--server`.
    public var resolver: String { "\(address):\(port)" }
    public var dnsmasqServer: String { "\(address)#\(port)" }

    /// Binds a UDP socket on `address` with a port the kernel picks, and serves it on a thread.
    public init(_ behaviour: Behaviour, address: String = "127.0.0.54") throws {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        var sa = sockaddr_in()
        sa.sin_family = sa_family_t(AF_INET)
        sa.sin_port = 0
        inet_pton(AF_INET, address, &sa.sin_addr)
        let bound = withUnsafePointer(to: &sa) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard fd >= 0, bound == 0 else {
            throw NSError(domain: "StubDNS", code: 1, userInfo: [NSLocalizedDescriptionKey: "cannot bind \(address): errno \(errno)"])
        }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &sa) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        self.fd = fd
        self.address = address
        port = UInt16(bigEndian: sa.sin_port)
        let reply = behaviour == .serverFailure
        Thread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            var from = sockaddr_storage()
            var fromLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
            while true {
                let n = withUnsafeMutablePointer(to: &from) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { recvfrom(fd, &buffer, buffer.count, 0, $0, &fromLength) }
                }
                guard n > 0 else { return }
                guard reply, n >= 12 else { continue }
                buffer[2] |= 0x80
                buffer[3] = (buffer[3] & 0xf0) | 2
                _ = withUnsafePointer(to: &from) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { sendto(fd, buffer, n, 0, $0, fromLength) }
                }
            }
        }.start()
    }

    /// Closes the socket (the thread ends on the next error).
    public func stop() {
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }
}
