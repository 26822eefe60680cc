import OIDCSetup
import TerminalUI

/// Step 7, once per selected component: its application's client ID, secret, audience and specifics.
struct ComponentScreen: StepScreen {
    let component: Component

    func intro(_ state: WizardState) -> String {
        guard state.config.applies(.clientID(component)) else {
            return "Outbound-only Connectors use the Zeebe application's credentials: nothing to register for them."
        }
        var text = "Register \(component.displayName) as \(component.applicationType.registrationPhrase)"
        if let redirect = state.config.redirectURI(component) {
            text += " with redirect URI \(redirect)"
        }
        text += "."
        if state.config.provider == .microsoft {
            text += component.hasAudience ? " Entra: the audience defaults to the client ID." : ""
        }
        return text
    }

    func drawBody(_ state: WizardState, into frame: inout Frame, area: Rect) {
        FormView(state: state, width: area.width).draw(state.items, into: &frame, area: area)
    }
}
