import CNCursesW
#if canImport(Glibc)
import Glibc
#endif

/// Sets the locale from the environment so wide characters work. Under `LC_ALL=C` every
/// non-ASCII character would vanish: then try `C.UTF-8`, else fall back to ASCII glyphs.
enum LocaleSetup {
    /// Returns whether the locale is UTF-8 (Unicode glyphs can be drawn).
    static func prepare() -> Bool {
        setlocale(LC_ALL, "")
        if isUTF8() { return true }
        if setlocale(LC_CTYPE, "C.UTF-8") != nil, isUTF8() { return true }
        return false
    }

    private static func isUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
