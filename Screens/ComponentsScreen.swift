import OIDCSetup
import TerminalUI

/// Step 5: which components are deployed, with the dependency rules explained.
struct ComponentsScreen: StepScreen {
    func intro(_ state: WizardState) -> String {
        "Tick the components you deploy. Each gets its own application in the provider; the next steps ask for each one's IDs."
    }

    func drawBody(_ state: WizardState, into frame: inout Frame, area: Rect) {
        FormView(state: state, width: area.width).draw(state.items, into: &frame, area: area)
    }
}
