@preconcurrency import CNcurses
@preconcurrency import Glibc

/// The real terminal, through ncursesw. The only code in the product that touches ncurses.
///
/// Raw mode (not cbreak): Ctrl-C, Ctrl-Z, Ctrl-\ and Ctrl-S arrive as keys, so the wizard can ask
/// before quitting and flow control cannot freeze the screen. Signals sent from outside (`kill`,
/// an SSH drop) go to `SignalGuard`, which this initializer installs after ncurses' own handlers.
///
/// Call `restore()` before printing anything or exiting; it is idempotent and also runs in deinit.
public final class CursesTerminal: Terminal {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    /// The descriptor ncurses writes to and sets modes on.
    private let outputFD: Int32
    /// The descriptor ncurses reads keys from, polled to tell a hang-up from a failed read.
    private let inputFD: Int32
    /// Input is read byte by byte and decoded here: ncurses' own decoder (wget_wch) swallows the
    /// bytes after an invalid one and then fails as if input had ended.
    private var utf8 = UTF8InputDecoder()
    /// Keys decoded and not yet returned (one byte can complete two: U+FFFD, then its own).
    private var queuedKeys: [Key] = []
    /// Streams this object opened (headless and pty terminals) and must close.
    private let ownedStreams: [UnsafeMutablePointer<FILE>]
    /// The terminal modes before curses started, put back by `restore()` and by the crash handler.
    private var savedModes: termios?
    private var active = true
    private var cursorVisible: Bool?
    /// The read timeout in milliseconds (-1: block), which `readPaste` puts back.
    private var inputTimeout: Int32 = -1
    private var styleAttributes: [attr_t] = []
    private var stylePairs: [Int16] = []

    /// Whether styles use colour (false with `NO_COLOR` or a monochrome terminal).
    public private(set) var colorsEnabled = false
    /// True once a blocking read failed for a reason other than a signal (stdin closed, the pty gone).
    public private(set) var inputEnded = false

    // Codes for the bracketed-paste markers, registered with define_key. ncurses gives terminfo's
    // extended keys codes just above KEY_MAX; these stay clear of them and below its 16-bit limit.
    private static let pasteStartCode: Int32 = 0x6000
    private static let pasteEndCode: Int32 = 0x6001
    private static let enablePaste = "\u{1b}[?2004h"
    private static let disablePaste = "\u{1b}[?2004l"

    /// Starts curses on the controlling terminal (stdin/stdout).
    /// - Throws: `.notATerminal` when stdin or stdout is not a TTY, `.unusableTerminal` when ncurses
    ///   cannot drive `TERM`. Nothing has been written to the terminal in either case.
    public init() throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        Self.selectUTF8Locale()
        var modes = termios()
        savedModes = tcgetattr(STDOUT_FILENO, &modes) == 0 ? modes : nil
        // newterm, unlike initscr, returns nil on an unknown TERM instead of calling exit(1).
        guard let screen = newterm(nil, cn_stdout(), cn_stdin()) else {
            throw .unusableTerminal(Self.termName)
        }
        self.screen = screen
        window = cn_stdscr()
        outputFD = STDOUT_FILENO
        inputFD = STDIN_FILENO
        ownedStreams = []
        guard Self.canAddressCursor() else {
            endwin()
            delscreen(screen)
            if var modes = savedModes { tcsetattr(STDOUT_FILENO, TCSADRAIN, &modes) }
            throw .unusableTerminal(Self.termName)
        }
        configureInput()
        configureStyles(useColor: Self.colorWanted())
        writeOut(Self.enablePaste)
        // After newterm, which installs ncurses' own SIGINT/SIGTERM handlers.
        SignalGuard.install()
        installCrashRestore()
    }

    /// A terminal on explicit streams, for tests: `termName` instead of `$TERM`, no signal or crash
    /// handlers, no bracketed-paste sequence. `input`/`output` are descriptors (duplicated here).
    package init(termName: String, inputFD: Int32, outputFD: Int32, rows: Int? = nil, columns: Int? = nil) throws(TerminalError) {
        Self.selectUTF8Locale()
        guard let input = fdopen(dup(inputFD), "r"), let output = fdopen(dup(outputFD), "w") else {
            throw .notATerminal
        }
        guard let screen = newterm(termName, output, input) else {
            fclose(input)
            fclose(output)
            throw .unusableTerminal(termName)
        }
        self.screen = screen
        window = cn_stdscr()
        self.outputFD = fileno(output)
        self.inputFD = fileno(input)
        ownedStreams = [input, output]
        savedModes = nil
        if let rows, let columns {
            resizeterm(Int32(rows), Int32(columns))
            flushinp()  // resizeterm queues KEY_RESIZE; a test terminal starts with no input
        }
        configureInput()
        configureStyles(useColor: has_colors())
    }

    /// A terminal on /dev/null with a fixed size, to render frames and read them back in tests.
    package convenience init(headlessRows rows: Int, columns: Int, termName: String = "xterm-256color") throws(TerminalError) {
        let null = open("/dev/null", O_RDWR)
        defer { close(null) }
        try self.init(termName: termName, inputFD: null, outputFD: null, rows: rows, columns: columns)
    }

    deinit {
        restore()
        delscreen(screen)
        for stream in ownedStreams { fclose(stream) }
    }

    // MARK: Terminal

    public var size: (rows: Int, columns: Int) {
        (Int(getmaxy(window)), Int(getmaxx(window)))
    }

    public func draw(_ frame: Frame) {
        guard active else { return }
        let (screenRows, screenColumns) = size
        // Erasing and writing every cell costs nothing on the wire: doupdate compares with what the
        // terminal already shows and sends only the difference.
        werase(window)
        for row in 0..<min(frame.height, screenRows) {
            wmove(window, Int32(row), 0)
            for column in 0..<min(frame.width, screenColumns) {
                put(frame[row, column])
            }
        }
        if let cursor = frame.cursor, cursor.row < screenRows, cursor.column < screenColumns, cursor.row >= 0, cursor.column >= 0 {
            setCursorVisible(true)
            wmove(window, Int32(cursor.row), Int32(cursor.column))
        } else {
            setCursorVisible(false)
        }
        wnoutrefresh(window)
        doupdate()
    }

    public func readKey() -> Key? {
        // A signal that came while drawing would not interrupt the read below.
        guard active, SignalGuard.pending == nil else { return nil }
        if let queued = nextQueuedKey() { return queued }
        var failures = 0
        while true {
            errno = 0  // a stale EINTR must not make end of input look like a signal
            let code = wgetch(window)
            if code == cn_curses_err() {
                if SignalGuard.pending != nil { return nil }
                let error = errno
                if error == EINTR { continue }  // a signal the guard does not own (SIGCONT, SIGWINCH)
                // Only a hang-up ends input (stdin closed, the pty gone); any other failed read is
                // retried once input is ready again, but never spun on.
                if inputHungUp(error) {
                    inputEnded = true
                    return nil
                }
                if inputTimeout >= 0, error == 0 { return nil }  // a test's read timeout
                failures += 1
                if failures > 100 || !waitForInput() {
                    inputEnded = true
                    return nil
                }
                continue
            }
            failures = 0
            if let key = take(code) { return key }
            if SignalGuard.pending != nil { return nil }  // it cut a paste short
        }
    }

    public func pendingKey() -> Key? {
        guard active else { return nil }
        if let queued = nextQueuedKey() { return queued }
        defer { wtimeout(window, inputTimeout) }  // nodelay(false) would forget a test's timeout
        while true {
            nodelay(window, true)  // again after a paste, which sets its own timeout
            let code = wgetch(window)
            if code == cn_curses_err() {
                // Nothing more now: a character cut short stays pending until its next byte comes.
                return nil
            }
            if let key = take(code) { return key }
            if SignalGuard.pending != nil { return nil }
        }
    }

    public func invalidate() {
        guard active else { return }
        clearok(cn_curscr(), true)
    }

    // MARK: Restoring

    /// Leaves curses: bracketed paste off, cooked mode and echo back, cursor shown, alternate screen
    /// left. Idempotent; afterwards `draw` does nothing and `readKey` returns nil.
    public func restore() {
        guard active else { return }
        active = false
        if ownedStreams.isEmpty { writeOut(Self.disablePaste) }
        endwin()
        // endwin restores the modes it saved; this also covers a terminal changed behind its back.
        if var modes = savedModes { tcsetattr(outputFD, TCSADRAIN, &modes) }
        if ownedStreams.isEmpty { cn_crash_restore_remove() }
    }

    // MARK: Tests

    /// The text of one screen row as ncurses holds it (after `draw`), trailing spaces removed.
    package func rowText(_ row: Int) -> String {
        let columns = size.columns
        var buffer = [wchar_t](repeating: 0, count: columns * 2 + 1)
        let count = mvwinnwstr(window, Int32(row), 0, &buffer, Int32(buffer.count - 1))
        guard count != cn_curses_err() else { return "" }
        let scalars = buffer.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
        var text = String(String.UnicodeScalarView(scalars))
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The non-colour attributes of the named style, as drawn (`A_BOLD`, `A_REVERSE`, ...).
    package func attributes(of style: CellStyle) -> UInt {
        UInt(styleAttributes[Int(style.rawValue)])
    }

    /// The non-colour attributes ncurses holds for a cell.
    package func attributes(row: Int, column: Int) -> UInt {
        UInt(cn_attrs_at(window, Int32(row), Int32(column)))
    }

    /// Makes blocking reads give up after `milliseconds` (negative: wait forever), so a test
    /// feeding a pty cannot hang on a key it failed to decode.
    package func setInputTimeout(milliseconds: Int) {
        inputTimeout = Int32(milliseconds)
        wtimeout(window, inputTimeout)
    }

    // MARK: Setup

    private func configureInput() {
        raw()  // ^C, ^Z, ^\, ^S are keys; external signals still reach SignalGuard
        noecho()
        nonl()
        keypad(window, true)
        meta(window, true)  // all 8 bits of each byte: UTF-8 is decoded here
        intrflush(window, false)
        set_escdelay(25)  // Esc goes back a step; the default delay is a full second
        for (sequence, code) in [("\u{1b}[200~", Self.pasteStartCode), ("\u{1b}[201~", Self.pasteEndCode)] {
            define_key(sequence, code)
        }
    }

    private func configureStyles(useColor: Bool) {
        // The attribute alone carries the meaning; colour only reinforces it. Switches, not
        // dictionaries: a Dictionary keyed by CellStyle costs the runtime a scan of every protocol
        // conformance in the binary at start (measured: part of the first frame).
        func base(_ style: CellStyle) -> attr_t {
            switch style {
            case .normal: return cn_a_normal()
            case .bold, .error, .warning, .good: return cn_a_bold()
            case .selected: return cn_a_reverse()
            case .muted: return cn_a_dim()
            case .input: return cn_a_underline()
            }
        }
        func foreground(_ style: CellStyle) -> Int16? {
            switch style {
            case .error: return Int16(COLOR_RED)
            case .warning: return Int16(COLOR_YELLOW)
            case .good: return Int16(COLOR_GREEN)
            case .selected: return Int16(COLOR_CYAN)
            case .normal, .bold, .muted, .input: return nil
            }
        }
        let styles = (0...UInt8.max).compactMap(CellStyle.init(rawValue:))
        styleAttributes = styles.map(base)
        stylePairs = Array(repeating: 0, count: styles.count)
        guard useColor, start_color() != cn_curses_err() else { return }
        // The terminal's own background and foreground where it allows, not forced black/white.
        let background: Int16 = use_default_colors() != cn_curses_err() ? -1 : Int16(COLOR_BLACK)
        for style in styles {
            guard let fg = foreground(style) else { continue }
            let pair = Int16(style.rawValue) + 1
            if init_pair(pair, fg, background) != cn_curses_err() {
                stylePairs[Int(style.rawValue)] = pair
            }
        }
        colorsEnabled = true
    }

    private static func colorWanted() -> Bool {
        // https://no-color.org: set and non-empty disables colour.
        if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
        return has_colors()
    }

    private static var termName: String {
        getenv("TERM").map { String(cString: $0) } ?? ""
    }

    private static func canAddressCursor() -> Bool {
        cn_tigetstr("cup") != nil
    }

    /// ncursesw drops non-ASCII input without a UTF-8 codeset; fall back to C.UTF-8 (always on Debian).
    static func selectUTF8Locale() {
        setlocale(LC_ALL, "")
        if isUTF8Codeset() { return }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_ALL, name) != nil {
            if isUTF8Codeset() { return }
        }
    }

    private static func isUTF8Codeset() -> Bool {
        let codeset = String(cString: cn_codeset()).uppercased()
        return codeset == "UTF-8" || codeset == "UTF8"
    }

    /// Saves what the crash handler writes: everything `restore()` would undo, as terminfo spells it.
    private func installCrashRestore() {
        var sequence = Self.disablePaste
        for capability in ["sgr0", "rmkx", "cnorm", "rmcup"] {
            if let value = cn_tigetstr(capability) { sequence += String(cString: value) }
        }
        var bytes = Array(sequence.utf8)
        if var modes = savedModes {
            cn_crash_restore_install(outputFD, &modes, &bytes, bytes.count)
        } else {
            cn_crash_restore_install(outputFD, nil, &bytes, bytes.count)
        }
    }

    /// Writes straight to the terminal, for sequences ncurses does not know (bracketed paste).
    private func writeOut(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { write(outputFD, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }

    // MARK: Drawing

    private func setCursorVisible(_ visible: Bool) {
        // leaveok lets doupdate skip the final cursor move when no cursor is shown.
        leaveok(window, !visible)
        guard cursorVisible != visible else { return }
        curs_set(visible ? 1 : 0)
        cursorVisible = visible
    }

    private func put(_ cell: Cell) {
        let index = Int(cell.style.rawValue)
        let attrs = styleAttributes[index]
        let pair = stylePairs[index]
        var scalars = cell.character.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return }
        // Printable ASCII, most of every frame: no width lookup, no buffer.
        if (0x20...0x7E).contains(first.value), cell.character.isASCII {
            cn_add_wch(window, wchar_t(bitPattern: first.value), attrs, pair)
            return
        }
        // One frame cell is one terminal column: a wide, zero-width or control character would shift
        // the rest of the row, so it is shown as "?" (the frame still holds the real character).
        guard wcwidth(wchar_t(bitPattern: first.value)) == 1 else {
            cn_add_wch(window, wchar_t(UInt8(ascii: "?")), attrs, pair)
            return
        }
        var text: [wchar_t] = [wchar_t(bitPattern: first.value)]
        while let mark = scalars.next(), text.count < 5 {
            if wcwidth(wchar_t(bitPattern: mark.value)) == 0 { text.append(wchar_t(bitPattern: mark.value)) }
        }
        text.append(0)
        cn_add_cell(window, text, attrs, pair)
    }

    // MARK: Input decoding

    private enum Event {
        case key(Key)
        case pasteStart
        case pasteEnd
        case ignored
    }

    private func nextQueuedKey() -> Key? {
        queuedKeys.isEmpty ? nil : queuedKeys.removeFirst()
    }

    /// Takes what wgetch returned (a byte, or a key code from keypad decoding) and returns the next
    /// key it completes, queueing any further one.
    private func take(_ code: Int32) -> Key? {
        if (0...0xFF).contains(code) {
            for scalar in utf8.feed(UInt8(code)) {
                if let key = Key(inputScalar: scalar.value) { queuedKeys.append(key) }
            }
        } else {
            if let cut = utf8.flush() { queuedKeys.append(.character(Character(cut))) }
            switch decodeKeyCode(code) {
            case .key(let key): queuedKeys.append(key)
            case .pasteStart:
                let position = queuedKeys.count
                if let paste = readPaste() { queuedKeys.insert(paste, at: position) }  // before a resize during it
            case .pasteEnd, .ignored: break
            }
        }
        return nextQueuedKey()
    }

    /// Whether the input side is gone, after a read that failed with `error` (0: it read nothing).
    private func inputHungUp(_ error: Int32) -> Bool {
        if error == EIO { return true }  // the pty's other side closed
        var request = pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)
        let ready = poll(&request, 1, 0)
        if ready > 0, request.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return true }
        // A read of 0 bytes: the end of a file, a pipe or /dev/null. With a read timeout (tests) it
        // may also be the timeout, which leaves a terminal unreadable.
        return error == 0 && (inputTimeout < 0 || (ready > 0 && isatty(inputFD) == 0))
    }

    /// Waits until input is readable (a read failed with EAGAIN, say); false when it never will be.
    private func waitForInput() -> Bool {
        var request = pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)
        while poll(&request, 1, -1) < 0 {
            if errno != EINTR || SignalGuard.pending != nil { return errno == EINTR }
        }
        return request.revents & Int16(POLLHUP | POLLERR | POLLNVAL) == 0
    }

    private func decodeKeyCode(_ code: Int32) -> Event {
        switch code {
        case Self.pasteStartCode: return .pasteStart
        case Self.pasteEndCode: return .pasteEnd
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME, KEY_A1, KEY_FIND: return .key(.home)
        case KEY_END, KEY_C1, KEY_SELECT: return .key(.end)
        case KEY_PPAGE, KEY_A3: return .key(.pageUp)
        case KEY_NPAGE, KEY_C3: return .key(.pageDown)
        case KEY_BTAB: return .key(.backTab)
        case KEY_DC: return .key(.delete)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_ENTER: return .key(.enter)
        case KEY_RESIZE: return .key(.resize)
        case (KEY_F0 + 1)...(KEY_F0 + 12): return .key(.function(Int(code - KEY_F0)))
        default: return .ignored
        }
    }

    /// Collects everything up to the end marker into one key. Newlines stay text (CR and CRLF, as
    /// terminals send them, become "\n"); nothing inside is taken for Enter or a function key. Bytes
    /// that are not UTF-8 become U+FFFD, so the paste can be refused whole, never cut at them.
    private func readPaste() -> Key? {
        var decoder = UTF8InputDecoder()
        var text = String.UnicodeScalarView()
        var afterCR = false
        func append(_ scalar: Unicode.Scalar) {
            if scalar == "\n", afterCR {
                afterCR = false
                return
            }
            afterCR = scalar == "\r"
            text.append(afterCR ? "\n" : scalar)
        }
        // A terminal that never sends the end marker must not swallow the rest of the session; but a
        // paste that stalls on a slow SSH link must not end early either (its newlines would then
        // arrive as Enter): 3 s without a byte ends it.
        wtimeout(window, 3000)
        defer { wtimeout(window, inputTimeout) }
        while true {
            let code = wgetch(window)
            if code == cn_curses_err() {
                if SignalGuard.pending != nil { return nil }
                break  // timeout or end of input: deliver what arrived
            }
            if code > 0xFF {
                if code == Self.pasteEndCode { break }
                if code == KEY_RESIZE { queuedKeys.append(.resize) }
                continue
            }
            for scalar in decoder.feed(UInt8(code)) { append(scalar) }
        }
        if let cut = decoder.flush() { append(cut) }
        return .paste(String(text))
    }
}

extension CursesTerminal {
    /// Waits at most `milliseconds` for a key. Keys ncurses already holds come first; otherwise
    /// poll(2) on the input descriptor bounds the wait, and a key that arrives is read as `readKey`
    /// reads it (escape sequences and pastes whole).
    public func readKey(waitingAtMost milliseconds: Int) -> KeyWait {
        if let key = pendingKey() { return .key(key) }
        guard SignalGuard.pending == nil, !inputEnded else { return .ended }
        var descriptor = pollfd(fd: ownedStreams.first.map { fileno($0) } ?? STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(milliseconds))
        if ready == 0 { return .timedOut }
        if ready < 0 { return SignalGuard.pending != nil ? .ended : .timedOut }
        return readKey().map { .key($0) } ?? .ended
    }
}
