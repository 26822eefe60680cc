import Foundation
import OIDCSetup
import Screens
import TerminalUI
import TestSupport

/// Drives the wizard as the run loop does (key -> event -> reduce), answering the
/// directory-inspection effect itself, and renders frames as text for snapshots.
struct WizardDriver {
    var state: WizardState
    /// Files the fake output directory already holds.
    var existingFiles: [String] = []
    /// Effects other than inspection, in order (writes, quits).
    var effects: [WizardEffect] = []

    init(_ state: WizardState = WizardState()) {
        self.state = state
    }

    /// A state filled from an answers fixture, as if every step had been answered.
    static func answered(_ fixture: String) throws -> WizardDriver {
        let text = try String(contentsOf: Golden.fixtures.appendingPathComponent("answers/\(fixture).yaml"), encoding: .utf8)
        var state = WizardState(config: try AnswersFile.parse(text).configuration)
        state.claimConfirmed = true
        return WizardDriver(state)
    }

    mutating func press(_ keys: Key...) { press(keys) }

    mutating func press(_ keys: [Key]) {
        for key in keys {
            guard let event = WizardView.event(for: key, in: state) else { continue }
            send(event)
        }
    }

    mutating func type(_ text: String) {
        press(text.map { Key.character($0) })
    }

    mutating func send(_ event: WizardEvent) {
        var pending = Wizard.reduce(&state, event)
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            if case .inspectOutput(_, let names) = effect {
                pending += Wizard.reduce(&state, .outputInspected(existing: names.filter(existingFiles.contains)))
            } else {
                effects.append(effect)
            }
        }
    }

    /// Jumps to a step (as if Next had been pressed on each earlier one).
    mutating func go(to step: WizardStep) {
        state.step = step
        state.focus = 0
        state.cursor = state.focusedItem.flatMap { state.editableText($0) }?.count ?? 0
        if step == .write { send(.outputInspected(existing: existingFiles)) }
    }

    func screen(rows: Int = 24, columns: Int = 80) -> String {
        WizardView.render(state, rows: rows, columns: columns).text + "\n"
    }
}
