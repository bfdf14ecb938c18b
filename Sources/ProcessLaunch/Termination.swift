#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibcExtras

/// How a child ended.
public struct Termination: Sendable, Hashable {
    /// The exit status, or `nil` when a signal ended it.
    public var exitStatus: Int32?
    /// The signal that ended it, if one did.
    public var signal: Int32?
    /// The child's peak memory, in KiB (Linux reports `ru_maxrss` in KiB).
    public var peakRSSKiB: Int

    /// From `wait4`'s status word.
    init(rawStatus: Int32, peakRSSKiB: Int) {
        let signal = rawStatus & 0x7F
        exitStatus = signal == 0 ? (rawStatus >> 8) & 0xFF : nil
        self.signal = signal == 0 ? nil : signal
        self.peakRSSKiB = peakRSSKiB
    }

    /// The exit status; a signal counts as 128 + its number, as shells report it.
    public var status: Int32 { exitStatus ?? 128 + (signal ?? 0) }
}
