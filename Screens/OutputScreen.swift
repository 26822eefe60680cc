import OIDCSetup
import TerminalUI

/// Step 3: env files or a Helm values overlay.
struct OutputScreen: StepScreen {
    func intro(_ state: WizardState) -> String {
        "How do you run Camunda? Env files suit docker compose, systemd and plain containers; "
            + "Helm values suit Kubernetes with the camunda-platform chart \(state.config.version.chartLine)."
    }

    func drawBody(_ state: WizardState, into frame: inout Frame, area: Rect) {
        FormView(state: state, width: area.width).draw(state.items, into: &frame, area: area)
    }
}
