/// `YYYY-MM-DD HH:MM:SS` advancing a second at a time from 2026-11-01, kept as bytes.
struct LogClock {
    private var seconds = 0
    private(set) var text: [UInt8] = Array("2026-11-01 00:00:00".utf8)

    mutating func tick() {
        seconds += 1
        let day = 1 + (seconds / 86_400) % 28, h = (seconds / 3600) % 24, m = (seconds / 60) % 60, s = seconds % 60
        for (offset, value) in [(8, day), (11, h), (14, m), (17, s)] {
            text[offset] = UInt8(48 + value / 10)
            text[offset + 1] = UInt8(48 + value % 10)
        }
    }
}
