/* The one C header the terminal backend sees. The defines must precede the includes,
   or the wide-character API silently disappears. */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <ncursesw/curses.h>
#include <ncursesw/panel.h>
#include <ncursesw/term.h>

/* Swift cannot see function-like macros or (in Swift 6) C globals: wrap what the backend needs. */
static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline int cn_key_f(int n) { return KEY_F(n); }
static inline void cn_getmaxyx(WINDOW *w, int *y, int *x) { int a, b; getmaxyx(w, a, b); *y = a; *x = b; }
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
extern int wcwidth(wchar_t);
static inline int cn_wcwidth(wchar_t c) { return wcwidth(c); }
static inline WINDOW *cn_curscr(void) { return curscr; }

/* Signals: the handler only records the signal; the event loop sees it, calls endwin() and exits.
   (Never call curses from a signal handler.) Installed before newterm so ncurses keeps ours. */
#include <signal.h>
#include <pthread.h>
static volatile sig_atomic_t cn_signal_seen = 0;
static void cn_record_signal(int sig) { cn_signal_seen = sig; }
static inline void cn_install_signal_flags(void) {
    struct sigaction sa;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sa.sa_handler = cn_record_signal;
    sigaction(SIGINT, &sa, 0);
    sigaction(SIGTERM, &sa, 0);
    sigaction(SIGHUP, &sa, 0);
    /* A parent may have started us with these blocked (signal masks are inherited): unblock them. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    pthread_sigmask(SIG_UNBLOCK, &set, 0);
}
static inline int cn_pending_signal(void) { return cn_signal_seen; }
static inline attr_t cn_a_color(void) { return A_COLOR; }
/* Whether the terminal has an alternate screen (smcup/rmcup): without one (linux console, vt100)
   endwin leaves the last frame on screen, so the console clears it before leaving. */
static inline int cn_has_alternate_screen(void) {
    const char *s = tigetstr("rmcup");
    return s != 0 && s != (const char *)-1 && *s != 0;
}
