import OIDCSetup
import TerminalUI

/// Before writing over a loaded setup: per file, each key added, changed or removed, old and new
/// side by side. A secret only ever shows as "changed" or "unchanged".
struct ChangesScreen: StepScreen {
    func intro(_ state: WizardState) -> String {
        "What the write changes, compared with \(state.loadedFrom ?? "the loaded setup"). Lines the tool does not own are kept; "
            + "every replaced file is kept as a .bak."
    }

    func lines(_ state: WizardState, width: Int) -> [String] {
        guard let diffs = try? state.changes() else { return ["The answers still have errors; go back (Esc) and fix them."] }
        var lines: [String] = []
        let half = max(10, (width - 6) / 2)
        for diff in diffs {
            switch diff.status {
            case .added:
                lines.append("\(diff.file): new file")
            case .unchanged:
                lines.append("\(diff.file): unchanged")
            case .changed:
                let counted = diff.changes.filter { $0.kind != .unchanged }.count
                lines.append("\(diff.file): \(counted == 0 ? "changed" : "\(counted) change\(counted == 1 ? "" : "s")")")
            }
            for change in diff.changes {
                if change.isSecret {
                    lines.append("  \(change.kind == .unchanged ? " " : "~") \(change.key): secret \(change.kind == .unchanged ? "unchanged" : change.kind.rawValue)")
                    continue
                }
                let marker = change.kind == .added ? "+" : change.kind == .removed ? "-" : "~"
                lines.append("  \(marker) \(change.key)")
                let old = Frame.clip(change.old ?? "(none)", to: half)
                let new = Frame.clip(change.new ?? "(none)", to: half)
                lines.append("      " + old.padding(toLength: half) + " → " + new)
            }
        }
        return lines
    }

    func drawBody(_ state: WizardState, into frame: inout Frame, area: Rect) {
        frame.scrollView(lines(state, width: area.width), from: state.scroll, in: area) { line in
            if line.hasPrefix("  +") { return .good }
            if line.hasPrefix("  -") { return .error }
            if line.hasPrefix("  ~") { return .warning }
            if !line.hasPrefix(" ") { return .bold }
            return .normal
        }
    }

    func bindings(_ state: WizardState) -> [KeyBinding] { ScrollKeys.bindings }

    func event(for key: Key, in state: WizardState) -> WizardEvent? { ScrollKeys.event(for: key) }
}
