import OIDCSetup
import TerminalUI

/// Step 1: what the tool does, and whether to start a new setup or change an existing one.
struct StartScreen: StepScreen {
    static let options = [
        ("Start a new setup", "Answer the questions step by step; nothing is written until the last step."),
        ("Change an existing setup", "Load env files, a values file or an answers file; see the diff."),
    ]

    func intro(_ state: WizardState) -> String {
        "Connect Camunda " + CamundaVersion.allCases.map(\.rawValue).joined(separator: ", ") + " Self-Managed to a generic OIDC provider or Microsoft Entra ID. "
            + "You answer, preview the files, then write env files or a Helm overlay and a registration checklist."
    }

    func drawBody(_ state: WizardState, into frame: inout Frame, area: Rect) {
        let focused = state.focusedItem == .startChoice
        for (index, option) in Self.options.enumerated() {
            let selected = state.startChoice == index
            frame.put("\(focused && selected ? "›" : " ") \(selected ? "(•)" : "( )") \(option.0)", row: area.row + index * 2, column: area.column,
                      style: selected && focused ? .selected : selected ? .bold : .normal)
            frame.put(Frame.clip(option.1, to: area.width - 6), row: area.row + index * 2 + 1, column: area.column + 6, style: .muted)
        }
        var row = area.row + 5
        if state.startChoice == 1 {
            drawPathField(state, into: &frame, row: row, area: area)
            row += 3
        }
        let tips = [
            "Keep your provider's admin portal open: each step says where to find its values.",
            "F1 on any field explains it. Secrets are masked and written only to files only you can read.",
        ]
        for tip in tips where row < area.bottom {
            row += frame.putWrapped(tip, row: row, column: area.column, width: area.width, maxRows: area.bottom - row, style: .muted)
        }
    }

    func drawPathField(_ state: WizardState, into frame: inout Frame, row: Int, area: Rect) {
        let focused = state.focusedItem == .loadPath
        let labelWidth = 8
        frame.put((focused ? "› " : "  ") + "Path", row: row, column: area.column, style: focused ? .bold : .normal)
        let inputColumn = area.column + labelWidth
        let inputWidth = area.width - labelWidth - 1
        TextInput(shown: state.loadPath, placeholder: "e.g. ./camunda-env or values-oidc.yaml", cursor: focused ? state.cursor : nil)
            .draw(into: &frame, row: row, column: inputColumn, width: inputWidth)
        frame.put(Frame.clip("A directory of env files, a Helm values file, or an answers file.", to: inputWidth),
                  row: row + 1, column: inputColumn, style: .muted)
    }

    func bindings(_ state: WizardState) -> [KeyBinding] {
        state.focusedItem == .startChoice ? [KeyBinding("↑↓", "choose")] : []
    }

    func event(for key: Key, in state: WizardState) -> WizardEvent? {
        guard state.focusedItem == .startChoice else { return FormKeys.event(for: key, in: state) }
        switch key {
        case .up, .character("k"): return .moveUp
        case .down, .character("j"): return .moveDown
        case .character("?"): return .helpToggled
        default: return nil
        }
    }
}
