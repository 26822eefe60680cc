import OIDCSetup
import TerminalUI

/// Step 5: which components are deployed, with the dependency rules explained.
struct ComponentsScreen: StepScreen {
    /// The list of seven and its rules need every other row at 60x18; the intro fits in two.
    var smallIntroRows: Int { 2 }

    func intro(_ state: WizardState) -> String {
        "Tick the components you deploy; each gets its own application in the provider, asked for in the next steps."
    }

    func drawBody(_ state: WizardState, into frame: inout Frame, area: Rect) {
        FormView(state: state, width: area.width).draw(state.items, into: &frame, area: area)
    }
}
