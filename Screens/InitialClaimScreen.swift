import OIDCSetup
import TerminalUI

/// Step 8: who the first administrator is, confirmed explicitly because it cannot change later.
struct InitialClaimScreen: StepScreen {
    func intro(_ state: WizardState) -> String {
        "Identity grants full access to the user whose token carries this claim and value. It is read once, at "
            + "Identity's first start: afterwards only Identity's database can change it."
    }

    func drawBody(_ state: WizardState, into frame: inout Frame, area: Rect) {
        FormView(state: state, width: area.width).draw(state.items, into: &frame, area: area)
    }
}
