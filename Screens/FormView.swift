import OIDCSetup
import TerminalUI

/// Draws the inputs of a form step: each field takes a row for its label and input and a row
/// for its message (error in words, derived value, redirect URI, or a line of help).
/// Scrolls so that the focused field stays visible on small terminals.
struct FormView {
    let state: WizardState

    /// Rows an item needs.
    func height(_ item: StepItem) -> Int {
        switch item {
        case .field(let f):
            switch FieldCatalog.field(f).kind {
            case .choice: return 1 + FieldCatalog.field(f).choices.count + 1
            case .componentSet: return 1 + Component.allCases.count + 1
            default: return 2
            }
        case .claimConfirmation, .warningsAccepted: return 2
        default: return 0
        }
    }

    func labelWidth(_ area: Rect) -> Int { area.width >= 76 ? 24 : 18 }

    func draw(_ items: [StepItem], into frame: inout Frame, area: Rect) {
        let inputs = items.filter { height($0) > 0 }
        // Scroll: start at the first item such that the focused one fits.
        var first = 0
        if let focused = state.focusedItem, let focusIndex = inputs.firstIndex(of: focused) {
            while first < focusIndex, inputs[first...focusIndex].map(height).reduce(0, +) > area.height { first += 1 }
        }
        var row = area.row
        if first > 0 {
            frame.put("↑ more above", row: row, column: area.column + area.width - 12, style: .muted)
        }
        for item in inputs[first...] {
            let h = height(item)
            guard row + h <= area.bottom else {
                frame.put("↓ more below", row: area.bottom - 1, column: area.column + area.width - 12, style: .muted)
                break
            }
            draw(item, into: &frame, row: row, area: area)
            row += h
        }
    }

    func draw(_ item: StepItem, into frame: inout Frame, row: Int, area: Rect) {
        let focused = state.focusedItem == item
        switch item {
        case .field(let f):
            let spec = FieldCatalog.field(f)
            switch spec.kind {
            case .choice: drawChoice(spec, focused: focused, into: &frame, row: row, area: area)
            case .componentSet: drawComponents(focused: focused, into: &frame, row: row, area: area)
            default: drawText(spec, focused: focused, into: &frame, row: row, area: area)
            }
        case .claimConfirmation:
            drawCheckbox(state.claimConfirmed, "I understand: the initial claim cannot be changed later through env or Helm.",
                         focused: focused, missing: state.attempted.contains(state.step) && !state.claimConfirmed,
                         into: &frame, row: row, area: area)
        case .warningsAccepted:
            let count = Validator.validate(state.config).filter { $0.severity == .warning }.count
            drawCheckbox(state.warningsAccepted, "I have read the \(count) warning\(count == 1 ? "" : "s") below and accept them.",
                         focused: focused, missing: state.attempted.contains(state.step) && !state.warningsAccepted,
                         into: &frame, row: row, area: area)
        default:
            break
        }
    }

    // MARK: Text and secret fields

    func drawText(_ spec: FieldSpec, focused: Bool, into frame: inout Frame, row: Int, area: Rect) {
        let labelWidth = labelWidth(area)
        let marker = focused ? "›" : " "
        frame.put(marker + Frame.clip(spec.label, to: labelWidth - 2), row: row, column: area.column, style: focused ? .bold : .normal)
        let inputColumn = area.column + labelWidth
        let inputWidth = max(8, area.width - labelWidth - 1)
        let value = state.config.values[spec.id] ?? ""
        var shown: String
        var style: CellStyle = .input
        var cursorColumn: Int?
        if spec.isSecret {
            shown = value.isEmpty ? "" : "\(WizardState.secretMask) \(value.count) characters"
            if focused { cursorColumn = value.isEmpty ? 0 : shown.count }
        } else {
            // Scroll horizontally so the cursor stays inside the input.
            let cursor = focused ? min(state.cursor, value.count) : 0
            let start = max(0, cursor - (inputWidth - 1))
            shown = String(value.dropFirst(start).prefix(inputWidth))
            if focused { cursorColumn = cursor - start }
        }
        if value.isEmpty {
            shown = placeholder(spec)
            style = .muted
        }
        frame.fill(row: row, column: inputColumn, width: inputWidth, height: 1, with: Cell(" ", .input))
        frame.put(Frame.clip(shown, to: inputWidth), row: row, column: inputColumn, style: style, limit: inputWidth)
        if let cursorColumn { frame.cursor = (row, inputColumn + min(cursorColumn, inputWidth - 1)) }
        let (message, messageStyle) = self.message(for: spec)
        frame.put(Frame.clip(message, to: area.width - labelWidth), row: row + 1, column: inputColumn, style: messageStyle)
    }

    func placeholder(_ spec: FieldSpec) -> String {
        if let derived = derivedValue(spec.id) { return derived }
        if spec.isSecret { return "type or paste the secret" }
        return spec.placeholder
    }

    /// The value a field takes when left empty, when that is known now.
    func derivedValue(_ field: FieldID) -> String? {
        guard FieldCatalog.field(field).derivation(state.config.provider) != nil else { return nil }
        let value = state.config.value(field)
        return value.isEmpty ? nil : value
    }

    /// The line under a field: an error, a notice, a warning, or what helps most.
    func message(for spec: FieldSpec) -> (String, CellStyle) {
        let issues = state.visibleIssues(spec.id)
        if let error = issues.first(where: { $0.severity == .error }) { return ("Error: " + error.message, .error) }
        if let notice = state.fieldNotices[spec.id] {
            return ((notice.severity == .error ? "Error: " : "Note: ") + notice.message, notice.severity == .error ? .error : .warning)
        }
        if let warning = issues.first(where: { $0.severity == .warning }) { return ("Warning: " + warning.message, .warning) }
        if case .componentURL(let c) = spec.id, let redirect = state.config.redirectURI(c) {
            return ("Redirect URI: " + redirect, .good)
        }
        if state.config.raw(spec.id).isEmpty, derivedValue(spec.id) != nil, let derivation = spec.derivation(state.config.provider) {
            return ("Default: " + derivation + " (leave empty to keep it)", .muted)
        }
        return (spec.what, .muted)
    }

    // MARK: Choices and lists

    func drawChoice(_ spec: FieldSpec, focused: Bool, into frame: inout Frame, row: Int, area: Rect) {
        frame.put((focused ? "›" : " ") + spec.label, row: row, column: area.column, style: focused ? .bold : .normal)
        let selected = state.config.value(spec.id)
        for (index, choice) in spec.choices.enumerated() {
            let isSelected = choice.value == selected
            let line = "  \(isSelected ? "(•)" : "( )") \(choice.label)"
            frame.put(line, row: row + 1 + index, column: area.column, style: isSelected && focused ? .selected : isSelected ? .bold : .normal)
        }
        if let chosen = spec.choices.first(where: { $0.value == selected }) {
            frame.put(Frame.clip("    " + chosen.help, to: area.width), row: row + 1 + spec.choices.count, column: area.column, style: .muted)
        }
    }

    func drawComponents(focused: Bool, into frame: inout Frame, row: Int, area: Rect) {
        for (index, c) in Component.allCases.enumerated() {
            let checked = state.config.isSelected(c)
            let highlighted = focused && index == state.listCursor
            let name = c.displayName.padding(toLength: 12)
            frame.put((highlighted ? "›" : " ") + " [\(checked ? "x" : " ")] \(name)", row: row + index, column: area.column,
                      style: highlighted ? .selected : checked ? .bold : .normal)
            frame.put(Frame.clip(c.summary, to: area.width - 19), row: row + index, column: area.column + 19, style: .muted)
        }
        let issues = Validator.validate(state.config).filter { $0.severity == .error && ($0.field == .components || $0.field == .connectorsMode) }
        let message = issues.first.map { "Error: " + ($0.field == .connectorsMode ? "Connectors " : "") + $0.message }
        frame.put(Frame.clip(message ?? "Rules: Identity is required; Operate, Tasklist and Connectors need Zeebe.", to: area.width),
                  row: row + Component.allCases.count, column: area.column, style: message == nil ? .muted : .error)
    }

    func drawCheckbox(_ checked: Bool, _ text: String, focused: Bool, missing: Bool, into frame: inout Frame, row: Int, area: Rect) {
        frame.put((focused ? "›" : " ") + " [\(checked ? "x" : " ")] ", row: row, column: area.column, style: focused ? .selected : .bold)
        frame.put(Frame.clip(text, to: area.width - 6), row: row, column: area.column + 6, style: focused ? .bold : .normal)
        if missing {
            frame.put("Error: tick this box (Space) to go on.", row: row + 1, column: area.column + 6, style: .error)
        }
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
