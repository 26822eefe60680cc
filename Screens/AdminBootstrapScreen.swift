import OIDCSetup
import TerminalUI

/// 8.8 and later: the Orchestration cluster's first administrators, by mapping rule and/or user name.
struct AdminBootstrapScreen: StepScreen {
    func intro(_ state: WizardState) -> String {
        "Who administers the cluster (Operate, Tasklist, its admin UI) at first: users whose token carries the claim and value"
            + " below, and/or these user names. The chart's default admin 'demo' is removed."
    }

    func drawBody(_ state: WizardState, into frame: inout Frame, area: Rect) {
        FormView(state: state, width: area.width).draw(state.items, into: &frame, area: area)
    }
}
