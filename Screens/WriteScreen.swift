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
        frame.put("Files:", row: row, column: area.column, style: .bold)
        row += 1
        let files = (try? state.mergedOutputFiles()) ?? []
        let existing = Set(state.existingFiles ?? [])
        for file in files where row < area.bottom {
            let status: String
            if state.existingFiles == nil {
                status = "checking…"
            } else if existing.contains(file.name) {
                status = "exists, old one kept as .bak"
            } else {
                status = "new"
            }
            let mode = "0" + String(file.mode, radix: 8)
            frame.put("  \(file.name.padding(toLength: 27)) \(mode)  ", row: row, column: area.column)
            frame.put(Frame.clip(status, to: area.width - 37), row: row, column: area.column + 37,
                      style: existing.contains(file.name) ? .warning : .muted)
            row += 1
        }
        // What the provider check left open: listed, never blocking.
        let open = state.liveCheck.skipped || state.liveCheck.plan == nil ? [] : state.liveCheck.openPoints
        if !open.isEmpty, row + 2 < area.bottom {
            row += 1
            frame.put("Provider check (writing anyway):", row: row, column: area.column, style: .bold)
            row += 1
            for line in open where row < area.bottom {
                frame.put(Frame.clip(line, to: area.width - 2), row: row, column: area.column + 2,
                          style: line.hasPrefix("FAIL") ? .error : line.hasPrefix("warn") ? .warning : .muted)
                row += 1
            }
        }
        if case .failed(let message) = state.writeOutcome, row + 1 < area.bottom {
            frame.putWrapped("Error: nothing was written: " + message, row: row + 1, column: area.column, width: area.width,
                             maxRows: area.bottom - row - 1, style: .error)
        }
    }

    func bindings(_ state: WizardState) -> [KeyBinding] { [] }
}
