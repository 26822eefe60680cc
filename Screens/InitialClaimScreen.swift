import OIDCSetup
import TerminalUI

/// Step 8: who the first administrator is, confirmed explicitly because it cannot change later.
struct InitialClaimScreen: StepScreen {
    func intro(_ state: WizardState) -> String {
        if state.config.profile.asks(.ocAdminClaimValue) {
            return "Management Identity gives the user with this claim and value full access to Optimize, Web Modeler and Console;"
                + " read once (later only its database changes it). The cluster's admins, next, default to it."
        }
        return "Identity grants full access to the user whose token carries this claim and value. It is read once, at "
            + "Identity's first start: afterwards only Identity's database can change it."
    }

    func drawBody(_ state: WizardState, into frame: inout Frame, area: Rect) {
        FormView(state: state, width: area.width).draw(state.items, into: &frame, area: area)
    }
}
