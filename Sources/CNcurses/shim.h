// What Swift cannot import from ncurses directly: macros, variadics, and the wide API
// that SwiftPM hides by dropping pkg-config's -D_XOPEN_SOURCE flags.
#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncurses.h>
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

static inline const char *cn_codeset(void) { return nl_langinfo(CODESET); }

#endif
