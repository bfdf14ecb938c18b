/// Reads `key=value` files (`/etc/exim.conf.localopts`, `directadmin.conf`) and `KEY value`
/// files (`/etc/wwwacct.conf`), keeping line numbers.
public enum SettingsFileParser {
    /// One setting and its line.
    public struct Setting: Sendable, Hashable {
        public var key: String
        public var value: String
        public var line: Int
    }

    /// Splits each non-comment line at the first `separator` (`=`), or at white space when `nil`.
    public static func parse(_ bytes: [UInt8], separator: Character?) -> [Setting] {
        let text = String(decoding: bytes, as: UTF8.self)
        var settings: [Setting] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: " \t\r")
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let key: Substring, value: Substring
            if let sep = separator {
                guard let i = line.firstIndex(of: sep) else { continue }
                key = line[..<i]
                value = line[line.index(after: i)...]
            } else {
                guard let i = line.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
                    settings.append(Setting(key: String(line), value: "", line: index + 1))
                    continue
                }
                key = line[..<i]
                value = line[i...]
            }
            settings.append(Setting(key: String(key.trimmingCharacters(in: " \t")),
                                    value: String(value.trimmingCharacters(in: " \t\"'")), line: index + 1))
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
