/// A key press, or a terminal event the run loop treats like one.
public enum Key: Equatable, Sendable {
    /// A printable character.
    case character(Character)
    case enter
    case tab
    case backTab
    case escape
    case backspace
    case delete
    case up, down, left, right
    case home, end, pageUp, pageDown
    /// F1...F12.
    case function(Int)
    /// Ctrl plus a letter, lower-case (`.control("c")`, `.control("l")`).
    case control(Character)
    /// Text that arrived as one bracketed paste; delivered whole, newlines included, never as Enter.
    case paste(String)
    /// The terminal changed size; read `Terminal.size` again.
    case resize
}

/// How a cell is drawn. Colour is a hint: every role also has a non-colour attribute,
/// so meaning never depends on colour alone (NO_COLOR, monochrome terminals).
public enum CellStyle: UInt8, Equatable, Sendable {
    case normal
    /// Titles, labels of the focused field.
    case bold
    /// The focused item, a selected tab, a button with focus.
    case selected
    /// Help text and hints.
    case muted
    /// Error messages (bold + red).
    case error
    /// Warnings (bold + yellow).
    case warning
    /// Success and derived values (green).
    case good
    /// Input field background (underline).
    case input
}

/// One character cell.
public struct Cell: Equatable, Sendable {
    public var character: Character
    public var style: CellStyle

    public init(_ character: Character = " ", _ style: CellStyle = .normal) {
        self.character = character
        self.style = style
    }
}

/// A full screen of cells: what a screen draws and a terminal shows.
/// Screens draw into a frame; tests compare a frame's text with a golden snapshot.
public struct Frame: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (in a text field), or nil to hide it.
    public var cursor: (row: Int, column: Int)? {
        get { cursorPosition.map { ($0 / max(width, 1), $0 % max(width, 1)) } }
        set { cursorPosition = newValue.map { $0.row * width + $0.column } }
    }
    private var cursorPosition: Int?

    public init(width: Int, height: Int) {
        self.width = max(width, 0)
        self.height = max(height, 0)
        self.cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * width + column] }
        set {
            guard row >= 0, row < height, column >= 0, column < width else { return }
            cells[row * width + column] = newValue
        }
    }

    /// Writes text from (row, column), clipped at the right edge and at `limit` columns.
    /// Returns the column after the last character written.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: CellStyle = .normal, limit: Int? = nil) -> Int {
        guard row >= 0, row < height else { return column }
        var col = column
        let end = min(width, limit.map { column + $0 } ?? width)
        for ch in text {
            guard col < end else { break }
            if col >= 0 { self[row, col] = Cell(ch, style) }
            col += 1
        }
        return col
    }

    /// Fills a rectangle with one cell.
    public mutating func fill(row: Int, column: Int, width w: Int, height h: Int, with cell: Cell = Cell()) {
        for r in row..<(row + h) {
            for c in column..<(column + w) { self[r, c] = cell }
        }
    }

    /// The frame as plain text: one line per row, trailing spaces removed.
    public var text: String {
        (0..<height).map { row in
            var line = String((0..<width).map { cells[row * width + $0].character })
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    public static func == (lhs: Frame, rhs: Frame) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells && lhs.cursorPosition == rhs.cursorPosition
    }
}

/// A terminal the wizard runs in: the real one (`CursesTerminal`) or `MemoryTerminal` in tests.
public protocol Terminal: AnyObject {
    /// Current size in rows and columns.
    var size: (rows: Int, columns: Int) { get }
    /// Shows a frame. Implementations send only what changed.
    func draw(_ frame: Frame)
    /// Waits for the next key. Returns nil when interrupted by a signal (the caller checks
    /// `SignalGuard`) or when input has ended.
    func readKey() -> Key?
    /// A key already waiting, without blocking; nil when none. The run loop drains these before
    /// drawing, so a burst of input (a paste without bracketed-paste support) costs one frame.
    func pendingKey() -> Key?
    /// Waits at most `milliseconds` for a key (see `KeyWait`).
    func readKey(waitingAtMost milliseconds: Int) -> KeyWait
    /// Forces a full repaint on the next draw (Ctrl-L).
    func invalidate()
}
