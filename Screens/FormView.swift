import OIDCSetup
import TerminalUI

/// Draws the inputs of a form step: each field takes a row for its label and input and a row
/// for its message (error in words, derived value, redirect URI, or a line of help).
/// Scrolls so that the focused field stays visible on small terminals.
struct FormView {
    let state: WizardState
    /// Width of the area the form is drawn in.
    let width: Int

    /// Every problem of the configuration, computed once per frame.
    let issues: [ValidationIssue]

    init(state: WizardState, width: Int) {
        self.state = state
        self.width = width
        self.issues = Validator.validate(state.config)
    }

    /// Labels drop the component's name on a component's own step.
    func label(_ spec: FieldSpec) -> String {
        guard case .component(let c) = state.step else { return spec.label }
        // The version's name of the component ("Management Identity client ID" -> "Client ID").
        let name = state.config.profile.name(of: c) + " "
        if spec.label.hasPrefix(name) {
            let rest = spec.label.dropFirst(name.count)
            return rest.prefix(1).uppercased() + rest.dropFirst()
        }
        return spec.shortLabel
    }

    /// The message under a field, wrapped: errors, warnings and notices may take three rows
    /// across the full width (they must be read whole); help takes one row, clipped.
    func messageLines(_ spec: FieldSpec) -> (lines: [String], style: CellStyle, column: Int) {
        let (text, style) = message(for: spec)
        let inputOffset = labelWidth
        // Errors, warnings, notices and redirect URIs must be read whole: they may wrap across the full width.
        if style == .error || style == .warning || style == .good {
            let available = width - inputOffset
            if text.count <= available { return ([text], style, inputOffset) }
            var lines = TextWrap.wrap(text, width: width - 2)
            if lines.count > 3 { lines = Array(lines.prefix(3)); lines[2] = Frame.clip(lines[2] + "…", to: width - 2) }
            return (lines, style, 2)
        }
        var lines = TextWrap.wrap(text, width: width - inputOffset)
        if lines.count > helpRows {
            lines = Array(lines.prefix(helpRows))
            lines[helpRows - 1] = Frame.clip(lines[helpRows - 1] + " …", to: width - inputOffset)
        }
        return (lines, style, inputOffset)
    }

    /// Rows an item needs.
    func height(_ item: StepItem) -> Int {
        switch item {
        case .field(let f):
            switch FieldCatalog.field(f).kind {
            case .choice: return 1 + FieldCatalog.field(f).choices.count + 1
            case .componentSet: return state.config.profile.components.count + componentMessages().count
            default: return 1 + messageLines(state.config.spec(f)).lines.count
            }
        case .claimConfirmation, .warningsAccepted: return 2
        default: return 0
        }
    }

    /// The label column fits the longest label of the step (within limits), so inputs line up.
    var labelWidth: Int {
        let longest = state.items.compactMap(\.field).map { label(state.config.spec($0)).count }.max() ?? 10
        return min(max(longest + 4, 14), width >= 76 ? 28 : 22)
    }

    /// Rows help text may take under a field: two when the whole form still fits.
    var helpRows = 1

    func draw(_ items: [StepItem], into frame: inout Frame, area: Rect) {
        var roomy = self
        roomy.helpRows = 2
        if items.map(roomy.height).reduce(0, +) <= area.height {
            roomy.drawFitting(items, into: &frame, area: area)
        } else {
            drawFitting(items, into: &frame, area: area)
        }
    }

    /// Total rows the items take.
    func totalHeight(_ items: [StepItem], area: Rect) -> Int {
        var roomy = self
        roomy.helpRows = 2
        let roomyHeight = items.map(roomy.height).reduce(0, +)
        return roomyHeight <= area.height ? roomyHeight : items.map(height).reduce(0, +)
    }

    private func drawFitting(_ items: [StepItem], into frame: inout Frame, area: Rect) {
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
            let spec = state.config.spec(f)
            switch spec.kind {
            case .choice: drawChoice(spec, focused: focused, into: &frame, row: row, area: area)
            case .componentSet: drawComponents(focused: focused, into: &frame, row: row, area: area)
            default: drawText(spec, focused: focused, into: &frame, row: row, area: area)
            }
        case .claimConfirmation:
            drawCheckbox(state.claimConfirmed, "I understand it cannot be changed later through env or Helm.",
                         focused: focused, missing: state.attempted.contains(state.step) && !state.claimConfirmed,
                         into: &frame, row: row, area: area)
        case .warningsAccepted:
            let count = issues.filter { $0.severity == .warning }.count
            drawCheckbox(state.warningsAccepted, count == 1 ? "I have read the warning below and accept it." : "I have read the \(count) warnings below and accept them.",
                         focused: focused, missing: state.attempted.contains(state.step) && !state.warningsAccepted,
                         into: &frame, row: row, area: area)
        default:
            break
        }
    }

    // MARK: Text and secret fields

    func drawText(_ spec: FieldSpec, focused: Bool, into frame: inout Frame, row: Int, area: Rect) {
        let marker = focused ? "› " : "  "
        frame.put(marker + Frame.clip(label(spec), to: labelWidth - 3), row: row, column: area.column, style: focused ? .bold : .normal)
        let inputColumn = area.column + labelWidth
        let inputWidth = max(8, area.width - labelWidth - 1)
        let value = state.config.values[spec.id] ?? ""
        let input: TextInput
        if spec.isSecret {
            let shown = value.isEmpty ? "" : "\(WizardState.secretMask) \(value.count) characters"
            input = TextInput(shown: shown, placeholder: placeholder(spec), cursor: focused ? shown.count : nil)
        } else {
            input = TextInput(shown: value, placeholder: placeholder(spec), cursor: focused ? state.cursor : nil)
        }
        input.draw(into: &frame, row: row, column: inputColumn, width: inputWidth)
        let message = messageLines(spec)
        for (offset, line) in message.lines.enumerated() {
            frame.put(line, row: row + 1 + offset, column: area.column + message.column, style: message.style)
        }
    }

    func placeholder(_ spec: FieldSpec) -> String {
        if let derived = derivedValue(spec.id) { return derived }
        if spec.isSecret { return "type or paste the secret" }
        return spec.placeholder.isEmpty ? "" : "e.g. " + spec.placeholder
    }

    /// The value a field takes when left empty, when that is known now.
    func derivedValue(_ field: FieldID) -> String? {
        guard FieldCatalog.field(field).derivation(state.config.provider) != nil else { return nil }
        let value = state.config.value(field)
        return value.isEmpty ? nil : value
    }

    /// The line under a field: an error, a notice, a warning, or what helps most.
    func message(for spec: FieldSpec) -> (String, CellStyle) {
        let issues = state.visibleIssues(spec.id, allIssues: self.issues)
        if let error = issues.first(where: { $0.severity == .error }) { return ("Error: " + error.message, .error) }
        if let notice = state.fieldNotices[spec.id] {
            return ((notice.severity == .error ? "Error: " : "Note: ") + notice.message, notice.severity == .error ? .error : .warning)
        }
        if let warning = issues.first(where: { $0.severity == .warning }) { return ("Warning: " + warning.message, .warning) }
        if case .componentURL(let c) = spec.id {
            if let redirect = state.config.redirectURI(c) { return ("Redirect URI: " + redirect, .good) }
            return ("Redirect URI: <URL>" + (c.redirectPath ?? ""), .muted)
        }
        if state.config.raw(spec.id).isEmpty, derivedValue(spec.id) != nil, let derivation = spec.derivation(state.config.provider) {
            return ("Default: " + derivation + " (leave empty to keep it)", .muted)
        }
        return (spec.what, .muted)
    }

    // MARK: Choices and lists

    func drawChoice(_ spec: FieldSpec, focused: Bool, into frame: inout Frame, row: Int, area: Rect) {
        frame.put((focused ? "› " : "  ") + label(spec), row: row, column: area.column, style: focused ? .bold : .normal)
        let selected = state.config.value(spec.id)
        for (index, choice) in spec.choices.enumerated() {
            let isSelected = choice.value == selected
            let line = "    \(isSelected ? "(•)" : "( )") \(choice.label)"
            frame.put(line, row: row + 1 + index, column: area.column, style: isSelected && focused ? .selected : isSelected ? .bold : .normal)
        }
        if let chosen = spec.choices.first(where: { $0.value == selected }) {
            frame.put(Frame.clip("        " + chosen.help, to: area.width), row: row + 1 + spec.choices.count, column: area.column, style: .muted)
        }
    }

    func drawComponents(focused: Bool, into frame: inout Frame, row: Int, area: Rect) {
        let profile = state.config.profile
        let offered = profile.components
        // Names as the version has them ("Management Identity"); the summaries line up after the longest.
        let nameWidth = max(12, offered.map { profile.name(of: $0).count }.max() ?? 0)
        for (index, c) in offered.enumerated() {
            let checked = state.config.isSelected(c)
            let highlighted = focused && index == state.listCursor
            let name = profile.name(of: c).padding(toLength: nameWidth)
            frame.put((highlighted ? "›" : " ") + " [\(checked ? "x" : " ")] \(name)", row: row + index, column: area.column,
                      style: highlighted ? .selected : checked ? .bold : .normal)
            frame.put(Frame.clip(profile.summary(of: c), to: area.width - nameWidth - 7), row: row + index, column: area.column + nameWidth + 7, style: .muted)
        }
        for (offset, message) in componentMessages().enumerated() {
            frame.put(Frame.clip(message.0, to: area.width), row: row + offered.count + offset, column: area.column, style: message.1)
        }
    }

    /// The rules under the component checklist: every broken one in words, or the rules themselves.
    func componentMessages() -> [(String, CellStyle)] {
        let issues = self.issues.filter { $0.severity == .error && ($0.field == .components || $0.field == .connectorsMode) }
        guard !issues.isEmpty else {
            return TextWrap.wrap("Rules: " + (state.config.spec(.components).mistake ?? ""), width: width - 2).map { ($0, CellStyle.muted) }
        }
        return issues.flatMap { issue in
            TextWrap.wrap("Error: " + (issue.field == .connectorsMode ? "Connectors " : "") + issue.message, width: width - 2)
                .enumerated().map { ($0.offset == 0 ? $0.element : "       " + $0.element, CellStyle.error) }
        }
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
