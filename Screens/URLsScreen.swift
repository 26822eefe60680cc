import OIDCSetup
import TerminalUI

/// Step 6: Identity's internal base URL (env) and each component's browser URL, with the
/// resulting redirect URI shown live under each.
struct URLsScreen: StepScreen {
    func intro(_ state: WizardState) -> String {
        state.config.output == .env
            ? "Identity's internal address (containers call it), then the address a browser uses for each component."
            : "The address a browser uses for each component. Redirect URIs to register are built from them."
    }

    func drawBody(_ state: WizardState, into frame: inout Frame, area: Rect) {
        FormView(state: state, width: area.width).draw(state.items, into: &frame, area: area)
    }
}
