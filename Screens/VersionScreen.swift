import OIDCSetup
import TerminalUI

/// Step 2: the Camunda version, with the chart line beside each, how to find yours, and (when the
/// answers are changed) what a change of version does to them.
struct VersionScreen: StepScreen {
    func intro(_ state: WizardState) -> String {
        "Which Camunda version do you deploy? It decides the components, the variables and Helm keys written, and the apps to register."
    }

    static let howToFind = [
        "How to find yours: `helm list -A` shows the CHART: camunda-platform-"
            + CamundaVersion.allCases.map { "\($0.chartLine) is \($0.rawValue)" }.joined(separator: ", ") + ".",
        "Docker compose or VMs: the image tags (camunda/zeebe:8.7.x, camunda/camunda:8.8.x).",
    ]

    func drawBody(_ state: WizardState, into frame: inout Frame, area: Rect) {
        let form = FormView(state: state, width: area.width)
        form.draw(state.items, into: &frame, area: area)
        var row = area.row + form.totalHeight(state.items, area: area) + 1
        let lines = state.versionChangeNotes.isEmpty ? Self.howToFind : state.versionChangeNotes
        let style: CellStyle = state.versionChangeNotes.isEmpty ? .muted : .warning
        for line in lines where row < area.bottom {
            row += frame.putWrapped(line, row: row, column: area.column, width: area.width, maxRows: area.bottom - row, style: style)
        }
    }
}
