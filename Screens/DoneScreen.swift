import OIDCSetup
import TerminalUI

/// The end: what was written and the next command. Never shows a secret.
struct DoneScreen: StepScreen {
    func intro(_ state: WizardState) -> String { "Done. Nothing here shows a secret; the same summary is printed when you leave." }

    func drawBody(_ state: WizardState, into frame: inout Frame, area: Rect) {
        guard case .written(let summary) = state.writeOutcome else { return }
        // Long paths wrap, indented under their line, rather than being cut off.
        // Each row is wrapped to the width left beside its indent, so no row is clipped (a clipped
        // row lost words, e.g. the -n of the helm command).
        let lines = summary.flatMap { line -> [String] in
            let lead = String(line.prefix { $0 == " " })
            let indent = lead + "    "
            let first = TextWrap.wrap(line, width: area.width - lead.count)
            guard first.count > 1 else { return [lead + first[0]] }
            let rest = TextWrap.wrap(first.dropFirst().joined(separator: " "), width: area.width - indent.count)
            return [lead + first[0]] + rest.map { indent + $0 }
        }
        frame.scrollView(lines, from: state.scroll, in: area) { line in
            line.hasPrefix("Wrote") || line.hasPrefix("Next") ? .bold : .normal
        }
    }

    func bindings(_ state: WizardState) -> [KeyBinding] { [] }

    func event(for key: Key, in state: WizardState) -> WizardEvent? {
        switch key {
        case .character("q"), .enter, .escape: return .nextRequested
        default: return ScrollKeys.event(for: key)
        }
    }
}
