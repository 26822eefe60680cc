import OIDCSetup
import TerminalUI

/// Step 9 (Helm only): secrets inline in the values, or a Kubernetes Secret reference.
struct HelmSecretsScreen: StepScreen {
    func intro(_ state: WizardState) -> String {
        "Where should the chart read the client secrets? A Kubernetes Secret keeps them out of the values file."
    }

    func drawBody(_ state: WizardState, into frame: inout Frame, area: Rect) {
        FormView(state: state, width: area.width).draw(state.items, into: &frame, area: area)
    }
}
