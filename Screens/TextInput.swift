import TerminalUI

/// One line of text input: the underlined box, the placeholder when empty, horizontal scrolling
/// that keeps the cursor inside the box, and the terminal cursor when focused.
struct TextInput {
    /// What the box shows; for a secret, a mask and a length, never the text.
    var shown: String
    var placeholder: String
    /// Cursor position in `shown`, or nil when the input has no focus.
    var cursor: Int?

    func draw(into frame: inout Frame, row: Int, column: Int, width: Int) {
        frame.fill(row: row, column: column, width: width, height: 1, with: Cell(" ", .input))
        guard !shown.isEmpty else {
            frame.put(Frame.clip(placeholder, to: width), row: row, column: column, style: .muted, limit: width)
            if cursor != nil { frame.cursor = (row, column) }
            return
        }
        let position = cursor.map { min($0, shown.count) } ?? 0
        let start = max(0, position - (width - 1))
        frame.put(String(shown.dropFirst(start)), row: row, column: column, style: .input, limit: width)
        if cursor != nil { frame.cursor = (row, column + position - start) }
    }
}
