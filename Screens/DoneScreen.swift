import OIDCSetup
import TerminalUI

/// The end: what was written and the next command. Never shows a secret.
struct DoneScreen: StepScreen {
    func intro(_ state: WizardState) -> String { "Done. Nothing here shows a secret; the same summary is printed when you leave." }

    func drawBody(_ state: WizardState, into frame: inout Frame, area: Rect) {
        guard case .written(let summary) = state.writeOutcome else { return }
        // Long paths wrap, indented under their line, rather than being cut off.
        let lines = summary.flatMap { line -> [String] in
            let lead = String(line.prefix { $0 == " " })
            // Wrapped to the width left after the indentation, so no line is cut at the edge.
            let wrapped = TextWrap.wrap(line, width: max(area.width - lead.count - 4, 20))
            return [lead + wrapped[0]] + wrapped.dropFirst().map { lead + "    " + $0 }
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
