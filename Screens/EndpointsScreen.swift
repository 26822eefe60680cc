import OIDCSetup
import TerminalUI

/// Step 4: the provider's endpoints. Entra: the tenant ID, with the derived URLs shown read-only.
struct EndpointsScreen: StepScreen {
    func intro(_ state: WizardState) -> String {
        state.config.provider == .microsoft
            ? "Your tenant ID is all Entra needs: the issuer, token and JWKS URLs are derived from it (shown below)."
            : "Copy these from your provider's discovery document: <issuer>/.well-known/openid-configuration."
    }

    func drawBody(_ state: WizardState, into frame: inout Frame, area: Rect) {
        let form = FormView(state: state, width: area.width)
        guard state.config.provider == .microsoft else {
            form.draw(state.items, into: &frame, area: area)
            return
        }
        // Leave room for the derived block (a blank row, its title, a row per URL).
        let derivedRows = 6
        let formArea = Rect(row: area.row, column: area.column, width: area.width, height: max(4, area.height - derivedRows))
        let formHeight = min(form.totalHeight(state.items, area: formArea), formArea.height)
        form.draw(state.items, into: &frame, area: Rect(row: area.row, column: area.column, width: area.width, height: formHeight))
        var row = area.row + formHeight + 1
        guard row < area.bottom else { return }
        frame.put("Derived from the tenant ID (read-only):", row: row, column: area.column, style: .bold)
        row += 1
        let derived: [(String, FieldID)] = [("Issuer", .issuer), ("Issuer backend", .issuerBackendURL), ("Authorization", .authorizationURL),
                                            ("Token URL", .tokenURL), ("JWKS URL", .jwksURL)].filter { state.config.applies($0.1) }
        let labelWidth = 16
        // Two rows per URL when they fit, else one (clipped): all four stay on screen at 60x18.
        let rowsEach = area.bottom - row >= derived.count * 2 ? 2 : 1
        for (label, field) in derived where row < area.bottom {
            let value = state.config.value(field)
            frame.put(label, row: row, column: area.column + 2, style: .muted)
            let text = value.isEmpty ? "(enter the tenant ID)" : value
            row += frame.putWrapped(text, row: row, column: area.column + 2 + labelWidth, width: area.width - labelWidth - 2,
                                    maxRows: max(1, min(rowsEach, area.bottom - row)), style: value.isEmpty ? .muted : .good)
        }
    }
}
