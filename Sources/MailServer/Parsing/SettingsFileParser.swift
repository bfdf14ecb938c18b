/// Reads `key=value` files (`/etc/exim.conf.localopts`, `directadmin.conf`, `/var/cpanel/users/*`)
/// and `KEY value` files (`/etc/wwwacct.conf`), keeping line numbers.
public enum SettingsFileParser {
    /// One setting and its line.
    public struct Setting: Sendable, Hashable {
        public var key: String
        public var value: String
        public var line: Int
    }

    /// Splits each non-comment line at the first `separator` (`=`), or at white space when `nil`.
    /// Surrounding blanks and quotes are removed from values.
    public static func parse(_ bytes: [UInt8], separator: Character?) -> [Setting] {
        let sep: UInt8? = separator.flatMap(\.asciiValue)
        var settings: [Setting] = []
        for (number, raw) in ByteLines(bytes) {
            let line = raw.trimmedBlanks
            guard let first = line.first, first != UInt8(ascii: "#") else { continue }
            let split: ArraySlice<UInt8>.Index?
            if let sep {
                split = line.firstIndex(of: sep)
                guard split != nil else { continue }
            } else {
                split = line.firstIndex { $0 == 0x20 || $0 == 0x09 }
            }
            guard let i = split else {
                settings.append(Setting(key: line.string, value: "", line: number))
                continue
            }
            var value = line[(sep == nil ? i : i + 1)...].trimmedBlanks
            while let f = value.first, f == 0x22 || f == 0x27 { value = value.dropFirst() }
            while let l = value.last, l == 0x22 || l == 0x27 { value = value.dropLast() }
            settings.append(Setting(key: line[..<i].trimmedBlanks.string, value: value.string, line: number))
        }
        return settings
    }
}

extension StringProtocol {
    /// Trims the given characters from both ends.
    func trimmingCharacters(in set: String) -> Substring {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return s
    }
}
