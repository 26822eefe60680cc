// What Swift cannot import from ncurses directly: macros, variadics, and the wide API
// that SwiftPM hides by dropping pkg-config's -D_XOPEN_SOURCE flags.
// Only TerminalUI's CursesTerminal.swift calls into this module (tests aside).
#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncurses.h>
#include <term.h>
#include <langinfo.h>

// Not visible through Swift's Glibc module.
int wcwidth(wchar_t c);

static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_color_pair(short n) { return COLOR_PAIR(n); }
static inline int cn_key_f(int n) { return KEY_F(n); }
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline WINDOW *cn_curscr(void) { return curscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline FILE *cn_stdin(void) { return stdin; }
static inline FILE *cn_stdout(void) { return stdout; }
static inline int cn_curses_err(void) { return ERR; }
static inline int cn_key_code_yes(void) { return KEY_CODE_YES; }

/// Draws one wide character with attributes at the cursor.
static inline int cn_add_wch(WINDOW *win, wchar_t ch, attr_t attrs, short pair) {
    cchar_t cell;
    wchar_t text[2] = { ch, 0 };
    setcchar(&cell, text, attrs, pair, NULL);
    return wadd_wch(win, &cell);
}

/// Draws one cell: a spacing character followed by up to CCHARW_MAX - 1 combining marks
/// (`text` is NUL-terminated), so "e" + U+0301 stays in one cell.
static inline int cn_add_cell(WINDOW *win, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    wchar_t buffer[CCHARW_MAX + 1];
    int n = 0;
    while (n < CCHARW_MAX && text[n] != 0) { buffer[n] = text[n]; n++; }
    buffer[n] = 0;
    if (setcchar(&cell, buffer, attrs, pair, NULL) == ERR) return ERR;
    return wadd_wch(win, &cell);
}

/// The attributes of the cell at (y, x), for tests that check styles.
static inline attr_t cn_attrs_at(WINDOW *win, int y, int x) {
    cchar_t cell;
    wchar_t text[CCHARW_MAX + 1];
    attr_t attrs = 0;
    short pair = 0;
    if (mvwin_wch(win, y, x, &cell) == ERR) return 0;
    getcchar(&cell, text, &attrs, &pair, NULL);
    return attrs & ~A_COLOR;
}

static inline const char *cn_codeset(void) { return nl_langinfo(CODESET); }

/// A terminfo string capability, or NULL when the terminal lacks it.
static inline const char *cn_tigetstr(const char *name) {
    char *value = tigetstr(name);
    return (value == NULL || value == (char *)-1) ? NULL : value;
}

// ---- Crash restore -------------------------------------------------------------------------
// A crash (SIGSEGV, a Swift trap, abort) in curses mode would leave the terminal raw, in the
// alternate screen, with the cursor hidden. The handler below does only async-signal-safe work:
// tcsetattr the termios saved before curses started, write(2) a precomputed sequence that undoes
// what curses set up, then puts back the previous disposition (SIG_DFL, or the Swift runtime's
// backtracer) and re-raises. State and handler are in this one header and called from one Swift
// file, so the static storage below has exactly one user.

#define CN_CRASH_SIGNAL_COUNT 6

// Swift's Clang importer emits functions from a header but not file-scope variables, so the state
// lives in a function-local static.
struct cn_crash_state {
    int fd;
    int have_termios;
    int installed;
    struct termios termios;
    size_t sequence_length;
    char sequence[512];
    int signals[CN_CRASH_SIGNAL_COUNT];
    struct sigaction previous[CN_CRASH_SIGNAL_COUNT];
};

static inline struct cn_crash_state *cn_crash(void) {
    static struct cn_crash_state state = {
        .fd = -1, .signals = { SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE, SIGTRAP },
    };
    return &state;
}

static void cn_crash_handler(int sig, siginfo_t *info, void *context) {
    (void)context;
    struct cn_crash_state *state = cn_crash();
    if (state->have_termios) tcsetattr(state->fd, TCSANOW, &state->termios);
    if (state->sequence_length > 0) {
        ssize_t ignored = write(state->fd, state->sequence, state->sequence_length);
        (void)ignored;
    }
    for (int i = 0; i < CN_CRASH_SIGNAL_COUNT; i++) {
        if (state->signals[i] == sig) { sigaction(sig, &state->previous[i], NULL); break; }
    }
    // A fault raised by the CPU (SIGSEGV, or SIGILL from a Swift trap's ud2) recurs when this handler
    // returns, so the previous handler (the Swift backtracer) sees the real address. Anything sent
    // (abort, kill, int3 which does not re-execute) is raised again; it is delivered on return.
    int sent = info == NULL || info->si_code <= 0 || sig == SIGTRAP || sig == SIGABRT;
    if (sent) raise(sig);
}

/// Saves what the crash handler needs and installs it for the fatal signals.
/// `saved` may be NULL (then only the escape sequence is written).
static inline void cn_crash_restore_install(int fd, const struct termios *saved, const char *sequence, size_t length) {
    struct cn_crash_state *state = cn_crash();
    state->fd = fd;
    state->have_termios = 0;
    if (saved != NULL) { state->termios = *saved; state->have_termios = 1; }
    if (length > sizeof state->sequence) length = sizeof state->sequence;
    memcpy(state->sequence, sequence, length);
    state->sequence_length = length;
    if (state->installed) return;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = cn_crash_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_SIGINFO;
    for (int i = 0; i < CN_CRASH_SIGNAL_COUNT; i++) {
        sigaction(state->signals[i], &action, &state->previous[i]);
    }
    state->installed = 1;
}

/// Puts the previous dispositions back (after a normal restore).
static inline void cn_crash_restore_remove(void) {
    struct cn_crash_state *state = cn_crash();
    if (!state->installed) return;
    for (int i = 0; i < CN_CRASH_SIGNAL_COUNT; i++) {
        sigaction(state->signals[i], &state->previous[i], NULL);
    }
    state->installed = 0;
}

#endif
