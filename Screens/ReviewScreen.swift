import OIDCSetup
import TerminalUI

/// Step 10: every warning to accept, and the registration checklist to work through.
struct ReviewScreen: StepScreen {
    func intro(_ state: WizardState) -> String {
        let issues = Validator.validate(state.config)
        let warnings = issues.filter { $0.severity == .warning }.count
        let errors = issues.filter { $0.severity == .error }.count
        if errors > 0 { return "\(errors) error\(errors == 1 ? "" : "s") left: go back (Esc) to the step named below." }
        return warnings == 0
            ? "No warnings. Below: what to register in your provider (it is also written as registration-checklist.md)."
            : "Read the warnings and tick the box; below them, what to register (also written as registration-checklist.md)."
    }

    func lines(_ state: WizardState, width: Int) -> [String] {
        var lines: [String] = []
        if !state.importNotes.isEmpty {
            lines.append("From the files loaded (\(state.importNotes.count)):")
            for note in state.importNotes {
                let wrapped = TextWrap.wrap(note, width: width - 4)
                lines.append("! " + wrapped[0])
                lines += wrapped.dropFirst().map { "  " + $0 }
            }
            lines.append("")
        }
        let issues = Validator.validate(state.config)
        for severity in [Severity.error, .warning] {
            let matching = issues.filter { $0.severity == severity }
            guard !matching.isEmpty else { continue }
            lines.append(severity == .error ? "Errors (\(matching.count)):" : "Warnings (\(matching.count)):")
            for issue in matching {
                let label = state.config.spec(issue.field).label
                let wrapped = TextWrap.wrap("\(label): \(issue.message)", width: width - 4)
                lines.append((severity == .error ? "✗ " : "! ") + wrapped[0])
                lines += wrapped.dropFirst().map { "  " + $0 }
            }
            lines.append("")
        }
        lines.append("Registration checklist:")
        for line in RegistrationChecklist.render(state.config).split(separator: "\n", omittingEmptySubsequences: false).dropFirst() {
            lines += TextWrap.wrap(String(line), width: width).map { $0 }
        }
        return lines
    }

    func drawBody(_ state: WizardState, into frame: inout Frame, area: Rect) {
        var top = area.row
        if state.items.contains(.warningsAccepted) {
            FormView(state: state, width: area.width).draw([.warningsAccepted], into: &frame, area: Rect(row: top, column: area.column, width: area.width, height: 2))
            top += 2
        }
        let content = lines(state, width: area.width)
        frame.scrollView(content, from: state.scroll, in: Rect(row: top, column: area.column, width: area.width, height: area.bottom - top)) { line in
            if line.hasPrefix("✗") || line.hasPrefix("Errors") { return .error }
            if line.hasPrefix("!") || line.hasPrefix("Warnings") || line.hasPrefix("From the files") { return .warning }
            if line.hasPrefix("#") || line.hasPrefix("Registration") { return .bold }
            return .normal
        }
    }

    func bindings(_ state: WizardState) -> [KeyBinding] {
        (state.items.contains(.warningsAccepted) ? [KeyBinding("Space", "tick")] : []) + ScrollKeys.bindings
    }

    func event(for key: Key, in state: WizardState) -> WizardEvent? {
        if key == .character(" "), state.focusedItem == .warningsAccepted { return .toggle }
        return ScrollKeys.event(for: key)
    }
}
