import OIDCSetup
import TerminalUI

/// Step 12: where to write, which files, and which of them exist (their backups are kept).
struct WriteScreen: StepScreen {
    func intro(_ state: WizardState) -> String {
        "Files are written atomically; those holding secrets get mode 0600. An existing file is kept as NAME.bak. "
            + "The answers file replays this run: camunda-oidc generate --answers \(AnswersFile.defaultFileName)."
    }

    func drawBody(_ state: WizardState, into frame: inout Frame, area: Rect) {
        let focused = state.focusedItem == .outputDirectory
        let labelWidth = 13
        frame.put((focused ? "› " : "  ") + "Directory", row: area.row, column: area.column, style: focused ? .bold : .normal)
        let inputColumn = area.column + labelWidth
        let inputWidth = area.width - labelWidth - 1
        TextInput(shown: state.outputDirectory, placeholder: ".", cursor: focused ? state.cursor : nil)
            .draw(into: &frame, row: area.row, column: inputColumn, width: inputWidth)
        frame.put("Created (mode 0700) if missing; . is where you started.", row: area.row + 1, column: inputColumn, style: .muted, limit: inputWidth)

        // Never blocking: the provider check's outcome is said, and what failed listed below the files.
        let summary = state.liveCheck.summary
        frame.put(Frame.clip(summary, to: area.width), row: area.row + 2, column: area.column,
                  style: summary.contains("FAIL") ? .error : summary.contains("every check ok") ? .good : .warning)
        var row = area.row + 3
        let files = (try? state.mergedOutputFiles()) ?? []
        // The error (or the note that nothing changes) is laid out first, from the bottom up, so it
        // is on screen at any size; the file list scrolls in the rows left above it.
        var message: (text: String, style: CellStyle)?
        if case .failed(let failure) = state.writeOutcome {
            message = ("Error: nothing was written: " + failure, .error)
        } else if state.existingFiles != nil, state.nothingChanges(files) {
            message = ("Nothing to write: every file already holds exactly this.", .good)
        }
        var listBottom = area.bottom
        if let message {
            let rows = min(TextWrap.wrap(message.text, width: area.width).count, max(1, area.bottom - row - 3))
            listBottom = area.bottom - rows - 1
            frame.putWrapped(message.text, row: listBottom + 1, column: area.column, width: area.width, maxRows: rows, style: message.style)
        }
        frame.put("Files:", row: row, column: area.column, style: .bold)
        row += 1
        let rows = listBottom - row
        let overflow = files.count > rows
        let shown = overflow ? max(rows - 1, 1) : files.count
        let top = overflow ? min(state.scroll, files.count - shown) : 0
        let existing = Set(state.existingFiles ?? [])
        for file in files.dropFirst(top).prefix(shown) {
            let status: String
            var style = CellStyle.muted
            if state.existingFiles == nil {
                status = "checking…"
            } else if let fate = state.existingFates[file.name] {
                switch fate {
                case .unchanged: status = "unchanged, not rewritten"
                case .replaced(let backup):
                    status = "exists, old one kept as " + (backup.hasPrefix(file.name) ? String(backup.dropFirst(file.name.count)) : backup)
                    style = .warning
                }
            } else if existing.contains(file.name) {
                status = "exists, old one kept as .bak"
                style = .warning
            } else {
                status = "new"
            }
            let mode = "0" + String(file.mode, radix: 8)
            frame.put("  \(file.name.padding(toLength: 27)) \(mode)  ", row: row, column: area.column)
            frame.put(Frame.clip(status, to: area.width - 37), row: row, column: area.column + 37, style: style)
            row += 1
        }
        if overflow, rows > 1 {
            frame.put(Frame.clip("  files \(top + 1)-\(top + shown) of \(files.count)  PgUp/PgDn", to: area.width), row: row, column: area.column, style: .muted)
            row += 1
        }
        // What the provider check left open: listed, never blocking, in the rows above the error.
        let open = state.liveCheck.skipped || state.liveCheck.plan == nil ? [] : state.liveCheck.openPoints
        if !open.isEmpty, row + 2 < listBottom {
            row += 1
            frame.put("Provider check (writing anyway):", row: row, column: area.column, style: .bold)
            row += 1
            for line in open where row < listBottom {
                frame.put(Frame.clip(line, to: area.width - 2), row: row, column: area.column + 2,
                          style: line.hasPrefix("FAIL") ? .error : line.hasPrefix("warn") ? .warning : .muted)
                row += 1
            }
        }
    }

    func event(for key: Key, in state: WizardState) -> WizardEvent? {
        switch key {
        case .pageDown: return .scroll(ScrollKeys.page)
        case .pageUp: return .scroll(-ScrollKeys.page)
        default: return FormKeys.event(for: key, in: state)
        }
    }

    func bindings(_ state: WizardState) -> [KeyBinding] { [] }
}
