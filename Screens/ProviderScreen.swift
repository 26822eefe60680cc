import OIDCSetup
import TerminalUI

/// Step 2: generic OIDC or Microsoft Entra ID.
struct ProviderScreen: StepScreen {
    func intro(_ state: WizardState) -> String {
        "Which provider signs users in? With Entra ID the endpoints come from your tenant ID; "
            + "a generic provider gives them in its .well-known/openid-configuration."
    }

    func drawBody(_ state: WizardState, into frame: inout Frame, area: Rect) {
        FormView(state: state, width: area.width).draw(state.items, into: &frame, area: area)
    }
}
