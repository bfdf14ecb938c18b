import CNCursesW
#if canImport(Glibc)
import Glibc
#endif

/// Sets the locale from the environment so wide characters work, and tells whether the terminal
/// takes UTF-8. The locale is the only word the terminal gives on that: `LANG=C` (or any
/// non-UTF-8 locale) means a terminal that would show box characters as garbage, so the views
/// then draw with plain ASCII rather than forcing a UTF-8 locale behind the admin's back.
enum LocaleSetup {
    /// Returns whether the locale is UTF-8 (Unicode glyphs can be drawn).
    static func prepare() -> Bool {
        setlocale(LC_ALL, "")
        return isUTF8()
    }

    private static func isUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
