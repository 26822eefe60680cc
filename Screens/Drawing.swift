import TerminalUI
import OIDCSetup

extension TextWrap {
    /// Wraps a line keeping its leading spaces on every row (YAML and lists stay indented), and
    /// keeps `-n <namespace>`-style flag-and-argument pairs together; later rows get `continuation` more.
    static func wrapKeepingIndent(_ line: String, width: Int, continuation: String = "") -> [String] {
        let lead = String(line.prefix { $0 == " " })
        let body = String(line.dropFirst(lead.count)).replacingOccurrences(of: "-n <", with: "-n\u{00A0}<")
        let firstWidth = max(width - lead.count, 10), laterWidth = max(width - lead.count - continuation.count, 10)
        var rows: [String] = []
        var current = ""
        func limit() -> Int { rows.isEmpty ? firstWidth : laterWidth }
        for word in body.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            if current.isEmpty || current.count + 1 + word.count > limit() {
                if !current.isEmpty { rows.append(current) }
                current = ""
                var rest = word
                // A word longer than a row (a long path) is cut into rows.
                while rest.count > limit() {
                    rows.append(String(rest.prefix(limit())))
                    rest = String(rest.dropFirst(limit()))
                }
                current = rest
            } else {
                current += " " + word
            }
        }
        if !current.isEmpty || rows.isEmpty { rows.append(current) }
        let restored = rows.map { $0.replacingOccurrences(of: "\u{00A0}", with: " ") }
        return [lead + restored[0]] + restored.dropFirst().map { lead + continuation + $0 }
    }

    /// `wrapKeepingIndent` for Markdown: a list item's later rows align under its text.
    static func wrapMarkdown(_ line: String, width: Int) -> [String] {
        let body = line.drop { $0 == " " }
        return wrapKeepingIndent(line, width: width, continuation: body.hasPrefix("- ") ? "  " : "")
    }
}

extension Frame {
    /// Writes wrapped text into an area; returns the number of rows used.
    @discardableResult
    mutating func putWrapped(_ text: String, row: Int, column: Int, width: Int, maxRows: Int, style: CellStyle = .normal) -> Int {
        guard maxRows > 0, width > 0 else { return 0 }
        var lines = TextWrap.wrap(text, width: width)
        if lines.count > maxRows {
            lines = Array(lines.prefix(maxRows))
            lines[maxRows - 1] = String(lines[maxRows - 1].prefix(width - 1)) + "…"
        }
        for (offset, line) in lines.enumerated() {
            put(line, row: row + offset, column: column, style: style, limit: width)
        }
        return lines.count
    }

    /// Text cut to a width, with an ellipsis when cut.
    static func clip(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        return text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }

    /// A box with a single-line border.
    mutating func box(_ rect: Rect, style: CellStyle = .normal) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        fill(row: rect.row, column: rect.column, width: rect.width, height: rect.height)
        let horizontal = String(repeating: "─", count: rect.width - 2)
        put("┌" + horizontal + "┐", row: rect.row, column: rect.column, style: style)
        put("└" + horizontal + "┘", row: rect.bottom - 1, column: rect.column, style: style)
        for r in (rect.row + 1)..<(rect.bottom - 1) {
            put("│", row: r, column: rect.column, style: style)
            put("│", row: r, column: rect.column + rect.width - 1, style: style)
        }
    }

    /// Scrollable lines; when they overflow, the last row shows the position. Returns the top line shown.
    @discardableResult
    mutating func scrollView(_ lines: [String], from scroll: Int, in area: Rect, styleFor: (String) -> CellStyle = { _ in .normal }) -> Int {
        guard area.height > 0 else { return 0 }
        let overflow = lines.count > area.height
        let rows = overflow ? area.height - 1 : area.height
        let top = min(scroll, max(0, lines.count - rows))
        for offset in 0..<rows where top + offset < lines.count {
            let line = lines[top + offset]
            put(Frame.clip(line, to: area.width), row: area.row + offset, column: area.column, style: styleFor(line))
        }
        if overflow {
            let label = "lines \(top + 1)-\(min(top + rows, lines.count)) of \(lines.count)  PgUp/PgDn"
            put(Frame.clip(label, to: area.width), row: area.bottom - 1, column: area.column, style: .muted)
        }
        return top
    }
}
