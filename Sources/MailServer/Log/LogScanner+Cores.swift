#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension LogScanner {
    /// The cores this process may run on, at least 1: the affinity mask (`taskset`, cgroup CPU
    /// sets) from `/proc/self/status`, else the online CPUs. (`sched_getaffinity` is a GNU
    /// extension Swift does not import.)
    public static var availableCores: Int {
        let online = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        let fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return online }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 8192)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { return online }
        let key = Array("Cpus_allowed:".utf8)
        var i = 0
        while i + key.count <= n {
            if buffer[i] == key[0], Array(buffer[i..<(i + key.count)]) == key {
                var count = 0
                var j = i + key.count
                while j < n, buffer[j] != UInt8(ascii: "\n") {
                    if let digit = hexValue(buffer[j]) { count += digit.nonzeroBitCount }
                    j += 1
                }
                return count > 0 ? count : online
            }
            i += 1
        }
        return online
    }

    private static func hexValue(_ b: UInt8) -> Int? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(b - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
