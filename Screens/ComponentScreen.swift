import OIDCSetup
import TerminalUI

/// Step 7, once per selected component: its application's client ID, secret, audience and specifics.
struct ComponentScreen: StepScreen {
    let component: Component

    func intro(_ state: WizardState) -> String {
        let profile = state.config.profile
        if component == .connectors, profile.asks(.connectorsUseOrchestrationApp) {
            return "Connectors call the cluster as a machine client, with its app (nothing to register) or one of their own"
                + " (machine to machine, no redirect URI); this setup adds the client ID to the cluster's connectors role."
        }
        guard state.config.applies(.clientID(component)) else {
            return "Outbound-only Connectors use the Zeebe application's credentials: nothing to register for them."
        }
        let split = component == .webModeler && profile.webModelerHasAPIApp
        var text = "Register \(profile.name(of: component))\(split ? " as two apps: the UI" : "") as \(component.applicationType.registrationPhrase)"
        if let redirect = state.config.redirectURI(component) {
            text += " with redirect URI \(redirect)"
        }
        text += split ? "; the API as a web app without redirect URI (its client ID is the public API audience)." : "."
        if state.config.provider == .microsoft {
            text += component.hasAudience ? " Entra: the audience defaults to the client ID." : ""
        }
        return text
    }

    func drawBody(_ state: WizardState, into frame: inout Frame, area: Rect) {
        FormView(state: state, width: area.width).draw(state.items, into: &frame, area: area)
    }
}
