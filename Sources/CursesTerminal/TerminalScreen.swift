import CNCursesW
import Console
#if canImport(Glibc)
import Glibc
#endif

/// The one place that talks to ncursesw: opens the terminal, copies cell grids to it, reads keys,
/// and restores it. Use from one thread only (curses is not thread-safe).
public final class TerminalScreen {
    /// The terminal description in use (after the TERM fallback chain).
    public let terminalName: String
    /// The colour profile chosen from the terminal and `NO_COLOR`.
    public let profile: ColorProfile
    /// Whether the locale is UTF-8; otherwise draw with ``Glyphs/ascii``.
    public let unicode: Bool

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    private var attributes: [StyleRole: (attr: attr_t, pair: Int16)] = [:]
    private var lastGrid: CellGrid?
    /// Whether the terminal description has an alternate screen (read once, right after newterm,
    /// while it is the current terminal).
    private let alternateScreen: Bool
    private var closed = false

    /// Opens the terminal on file descriptors `inputFD`/`outputFD` (dup'ed; the originals stay open).
    ///
    /// - Parameters:
    ///   - environment: for `TERM` and `NO_COLOR`.
    ///   - terminalNames: descriptions to try after `TERM` (initscr would exit on an unknown TERM, so
    ///     we use newterm and fall back).
    ///   - inputTimeout: how long ``read()`` waits for a key before it returns `nil`, so the caller
    ///     can look at news from other threads.
    ///   - styles: the theme resolved for the profile this terminal supports.
    public init(environment: [String: String], inputFD: Int32 = 0, outputFD: Int32 = 1,
                terminalNames: [String] = ["xterm-256color", "xterm", "vt100"],
                inputTimeout milliseconds: Int32 = 100,
                styles: (ColorProfile) -> [StyleRole: ResolvedStyle]) throws(TerminalError) {
        unicode = LocaleSetup.prepare()
        guard let out = fdopen(dup(outputFD), "w"), let inp = fdopen(dup(inputFD), "r") else { throw .cannotOpenStreams }
        var candidates: [String] = []
        if let term = environment["TERM"], !term.isEmpty { candidates.append(term) }
        for name in terminalNames where !candidates.contains(name) { candidates.append(name) }
        // Before newterm: ncurses installs its own SIGINT/SIGTERM handlers only where none is set.
        cn_install_signal_flags()
        var opened: (OpaquePointer, String)?
        for name in candidates {
            if let s = newterm(name, out, inp) { opened = (s, name); break }
        }
        guard let (s, name) = opened else {
            fclose(out)
            fclose(inp)
            throw .noUsableTerminal(tried: candidates)
        }
        screen = s
        terminalName = name
        alternateScreen = cn_has_alternate_screen() != 0
        output = out
        input = inp
        window = cn_stdscr()
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        wtimeout(window, milliseconds)
        var colors: Int32 = 0
        if has_colors() {
            start_color()
            use_default_colors()
            colors = cn_colors()
        }
        profile = ColorProfile.detect(colors: Int(colors), noColor: environment["NO_COLOR"])
        setUpStyles(styles(profile))
    }

    deinit { close() }

    private func setUpStyles(_ styles: [StyleRole: ResolvedStyle]) {
        for (i, role) in StyleRole.allCases.enumerated() {
            let style = styles[role] ?? ResolvedStyle()
            var attr = cn_a_normal()
            if style.attributes.contains(.bold) { attr |= cn_a_bold() }
            if style.attributes.contains(.reverse) { attr |= cn_a_reverse() }
            if style.attributes.contains(.underline) { attr |= cn_a_underline() }
            if style.attributes.contains(.dim) { attr |= cn_a_dim() }
            var pair: Int16 = 0
            if profile != .mono && (style.foreground != -1 || style.background != -1) {
                pair = Int16(i + 1)
                init_extended_pair(Int32(pair), Int32(style.foreground), Int32(style.background))
            }
            attributes[role] = (attr, pair)
        }
    }

    /// The terminal's size in columns and rows.
    public var size: (width: Int, height: Int) {
        var y: Int32 = 0
        var x: Int32 = 0
        cn_getmaxyx(window, &y, &x)
        return (Int(x), Int(y))
    }

    /// Copies `grid` to the screen (only cells that changed since the last frame) and places the
    /// hardware cursor; ncurses then sends only the differences.
    public func draw(_ grid: CellGrid) {
        let (width, height) = size
        let previous = lastGrid.flatMap { $0.width == grid.width && $0.height == grid.height ? $0 : nil }
        var cell = cchar_t()
        for y in 0..<min(height, grid.height) {
            for x in 0..<min(width, grid.width) {
                let c = grid[x, y]
                if c.isContinuation || previous?[x, y] == c { continue }
                var scalar = c.character.unicodeScalars.first?.value ?? 32
                if !unicode && scalar > 126 { scalar = 63 }  // "?": a non-UTF-8 locale cannot show it
                let style = attributes[c.role] ?? (cn_a_normal(), 0)
                var text: [wchar_t] = [wchar_t(bitPattern: scalar), 0]
                setcchar(&cell, &text, style.attr, style.pair, nil)
                mvwadd_wch(window, Int32(y), Int32(x), &cell)
            }
        }
        if let cursor = grid.cursor {
            curs_set(1)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        lastGrid = grid
        wnoutrefresh(window)
        doupdate()
    }

    /// Forgets what is on screen and repaints everything at the next ``draw(_:)`` (Ctrl-L, resize).
    public func invalidate() {
        lastGrid = nil
        clearok(cn_curscr(), true)
    }

    /// Waits up to the timeout (100 ms) for a key, a resize or a signal.
    public func read() -> TerminalInput? {
        let pending = cn_pending_signal()
        if pending != 0 { return .signal(pending) }
        var ch: wint_t = 0
        let kind = wget_wch(window, &ch)
        let signal = cn_pending_signal()
        if signal != 0 { return .signal(signal) }
        if kind == KEY_CODE_YES {
            if Int32(ch) == KEY_RESIZE {
                let (w, h) = size
                invalidate()
                return .resize(width: w, height: h)
            }
            return KeyDecoding.functionKey(Int32(ch)).map { .key($0) }
        }
        if kind == OK { return KeyDecoding.character(UInt32(ch)).map { .key($0) } }
        return nil
    }

    /// What is on screen at (x, y): the character and its attributes and colour pair (for tests).
    func readBack(x: Int, y: Int) -> (character: Character, attributes: attr_t, pair: Int16) {
        var cell = cchar_t()
        mvwin_wch(window, Int32(y), Int32(x), &cell)
        var text = [wchar_t](repeating: 0, count: 8)
        var attr: attr_t = 0
        var pair: Int16 = 0
        getcchar(&cell, &text, &attr, &pair, nil)
        let scalar = Unicode.Scalar(UInt32(bitPattern: text[0])) ?? " "
        return (Character(scalar), attr & ~cn_a_color(), pair)
    }

    /// The attributes and pair a role is drawn with (for tests).
    func style(of role: StyleRole) -> (attributes: attr_t, pair: Int16) {
        attributes[role] ?? (cn_a_normal(), 0)
    }

    /// Restores the terminal (endwin) and frees the screen; safe to call twice.
    public func close() {
        guard !closed else { return }
        closed = true
        // Without an alternate screen the shell would come back under the console's last frame.
        if !alternateScreen {
            werase(window)
            wmove(window, 0, 0)
            wrefresh(window)
        }
        endwin()
        delscreen(screen)
        fclose(output)
        fclose(input)
    }
}
