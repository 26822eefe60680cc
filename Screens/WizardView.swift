import OIDCSetup
import TerminalUI

/// Draws the whole wizard into a frame (title, progress, the step's body, buttons, hint bar,
/// overlays) and turns keys into events. Pure: same state and size, same frame.
public enum WizardView {
    public static let minimumSize = (columns: 60, rows: 18)

    public static func screen(for step: WizardStep) -> StepScreen {
        switch step {
        case .start: return StartScreen()
        case .version: return VersionScreen()
        case .provider: return ProviderScreen()
        case .output: return OutputScreen()
        case .endpoints: return EndpointsScreen()
        case .components: return ComponentsScreen()
        case .urls: return URLsScreen()
        case .component(let c): return ComponentScreen(component: c)
        case .initialClaim: return InitialClaimScreen()
        case .adminBootstrap: return AdminBootstrapScreen()
        case .helmSecrets: return HelmSecretsScreen()
        case .review: return ReviewScreen()
        case .providerCheck: return ProviderCheckScreen()
        case .preview: return PreviewScreen()
        case .changes: return ChangesScreen()
        case .write: return WriteScreen()
        case .done: return DoneScreen()
        }
    }

    public static func render(_ state: WizardState, rows: Int, columns: Int) -> Frame {
        var frame = Frame(width: columns, height: rows)
        guard isLargeEnough(rows: rows, columns: columns) else {
            drawTooSmall(into: &frame, confirmingQuit: state.confirmingQuit)
            return frame
        }
        let screen = screen(for: state.step)
        drawTitle(state, into: &frame)
        var top = 2
        let intro = screen.intro(state)
        if !intro.isEmpty {
            let introRows = rows >= 24 ? 3 : screen.smallIntroRows
            top += frame.putWrapped(intro, row: 2, column: 1, width: columns - 2, maxRows: introRows, style: .normal)
            top += 1
        }
        let body = Rect(row: top, column: 1, width: columns - 2, height: rows - top - 3)
        screen.drawBody(state, into: &frame, area: body)
        drawNotice(state, into: &frame)
        drawButtons(state, into: &frame)
        drawHints(state, screen: screen, into: &frame)
        if state.showingHelp { drawHelp(state, into: &frame) }
        if state.confirmingQuit { drawQuitConfirmation(into: &frame) }
        if state.showingHelp || state.confirmingQuit { frame.cursor = nil }
        return frame
    }

    public static func isLargeEnough(rows: Int, columns: Int) -> Bool {
        columns >= minimumSize.columns && rows >= minimumSize.rows
    }

    /// The event for a key at a terminal size: while "terminal too small" hides the step, only
    /// Ctrl-C and the leave question it opens act; other keys must not change what cannot be seen.
    public static func event(for key: Key, in state: WizardState, rows: Int, columns: Int) -> WizardEvent? {
        guard !isLargeEnough(rows: rows, columns: columns) else { return event(for: key, in: state) }
        guard state.confirmingQuit || key == .control("c") else { return nil }
        return event(for: key, in: state)
    }

    /// The event for a key on the current state, or nil when the key does nothing here.
    public static func event(for key: Key, in state: WizardState) -> WizardEvent? {
        if state.confirmingQuit {
            switch key {
            // A second Ctrl-C is how people insist on leaving.
            case .character("y"), .character("Y"), .control("c"): return .quitConfirmed
            case .character("n"), .character("N"), .escape: return .quitCancelled
            default: return nil
            }
        }
        if state.showingHelp {
            switch key {
            case .control("c"): return .quitRequested
            case .up, .down, .pageUp, .pageDown:
                return .scroll(key == .up ? -1 : key == .down ? 1 : key == .pageUp ? -ScrollKeys.page : ScrollKeys.page)
            default: return .helpToggled
            }
        }
        switch key {
        case .control("c"): return .quitRequested
        case .function(1): return .helpToggled
        case .control("r") where state.canJumpToReview: return .reviewRequested
        default: break
        }
        if let event = screen(for: state.step).event(for: key, in: state) { return event }
        switch key {
        case .tab: return .focusNext
        case .backTab: return .focusPrevious
        case .escape: return .backRequested
        case .enter: return .activate
        default: return nil
        }
    }

    // MARK: Chrome

    static func drawTitle(_ state: WizardState, into frame: inout Frame) {
        frame.fill(row: 0, column: 0, width: frame.width, height: 1, with: Cell(" ", .selected))
        frame.put(" camunda-oidc · Camunda \(state.config.version.rawValue) OIDC setup", row: 0, column: 0, style: .selected)
        if state.step != .done {
            let (index, count) = state.progress
            let progress = "Step \(index) of \(count) "
            frame.put(progress, row: 0, column: frame.width - progress.count, style: .selected)
        }
        var title = state.step.title
        // The version's name of the component ("Management Identity application" in 8.8).
        if case .component(let c) = state.step { title = "\(state.config.profile.name(of: c)) application" }
        switch state.step {
        case .start, .version, .provider: break
        default:
            let full = title + " · " + state.config.provider.displayName + " · " + state.config.output.displayName
            // Shorter names where the full ones do not fit (60 columns), rather than a cut title.
            let short = title + " · " + (state.config.provider == .microsoft ? "Entra ID" : "Generic OIDC") + " · "
                + (state.config.output == .env ? "env files" : "Helm")
            title = full.count <= frame.width - 2 ? full : short
        }
        frame.put(Frame.clip(title, to: frame.width - 2), row: 1, column: 1, style: .bold)
    }

    static func drawNotice(_ state: WizardState, into frame: inout Frame) {
        guard let notice = state.notice else { return }
        frame.put(Frame.clip(notice, to: frame.width - 2), row: frame.height - 3, column: 1, style: .warning)
    }

    static func drawButtons(_ state: WizardState, into frame: inout Frame) {
        guard state.step != .done else { return }
        let nextLabel = state.step == .write ? "< Write >" : "< Next >"
        let back = "< Back >"
        let row = frame.height - 2
        let nextColumn = frame.width - nextLabel.count - 2
        let backColumn = nextColumn - back.count - 2
        if state.step != .start {
            frame.put(back, row: row, column: backColumn, style: state.focusedItem == .backButton ? .selected : .normal)
        }
        frame.put(nextLabel, row: row, column: nextColumn, style: state.focusedItem == .nextButton ? .selected : .bold)
    }

    static func drawHints(_ state: WizardState, screen: StepScreen, into frame: inout Frame) {
        var bindings = screen.bindings(state)
        if !state.items.isEmpty { bindings.append(KeyBinding("Tab", "next field")) }
        bindings.append(KeyBinding("Enter", state.step == .done ? "leave" : "next"))
        if state.step != .start && state.step != .done { bindings.append(KeyBinding("Esc", "back")) }
        if state.focusedField != nil { bindings.append(KeyBinding("F1", "help")) }
        if state.canJumpToReview { bindings.append(KeyBinding("^R", "review")) }
        bindings.append(KeyBinding("^C", "quit"))
        var column = 1
        let row = frame.height - 1
        for binding in bindings {
            let width = binding.keys.count + 1 + binding.help.count
            guard column + width < frame.width else { break }
            frame.put(binding.keys, row: row, column: column, style: .bold)
            frame.put(binding.help, row: row, column: column + binding.keys.count + 1, style: .muted)
            column += width + 2
        }
    }

    static func drawTooSmall(into frame: inout Frame, confirmingQuit: Bool = false) {
        var lines = [
            "Terminal too small:",
            "need \(minimumSize.columns)x\(minimumSize.rows), have \(frame.width)x\(frame.height).",
            "Enlarge the window; Ctrl-C leaves.",
        ]
        if confirmingQuit { lines += ["", "Leave without writing anything?", "y leave    n stay"] }
        for (offset, line) in lines.enumerated() {
            let row = frame.height / 2 - 1 + offset
            frame.put(Frame.clip(line, to: frame.width), row: row, column: max(0, (frame.width - line.count) / 2), style: offset == 0 ? .bold : .normal)
        }
    }

    static func drawHelp(_ state: WizardState, into frame: inout Frame) {
        let width = min(frame.width - 4, 72)
        let rect = Rect(row: 2, column: (frame.width - width) / 2, width: width, height: frame.height - 4)
        frame.box(rect, style: .bold)
        var row = rect.row + 1
        let inner = rect.width - 4
        let title: String
        var paragraphs: [String]
        if let field = state.focusedField {
            let spec = state.config.spec(field)
            title = "Help: \(spec.label) (\(field.path))"
            paragraphs = spec.helpText(state.config.provider)
            for choice in spec.choices { paragraphs.append("\(choice.label): \(choice.help)") }
        } else {
            title = "Help: \(state.step.title)"
            paragraphs = [screen(for: state.step).intro(state)]
        }
        frame.put(Frame.clip(title, to: inner), row: row, column: rect.column + 2, style: .bold)
        row += 2
        // The text scrolls (↑↓) when the panel is too short for it, as at 60x18.
        var lines: [String] = []
        for paragraph in paragraphs { lines += TextWrap.wrap(paragraph, width: inner) + [""] }
        if lines.last == "" { lines.removeLast() }
        let rows = rect.bottom - 4 - row
        let overflow = lines.count > rows
        let shown = overflow ? rows - 1 : rows
        let top = overflow ? min(state.helpScroll, lines.count - shown) : 0
        for (offset, line) in lines.dropFirst(top).prefix(shown).enumerated() {
            frame.put(line, row: row + offset, column: rect.column + 2, limit: inner)
        }
        if overflow {
            let position = "lines \(top + 1)-\(top + shown) of \(lines.count)  ↑↓ scroll"
            frame.put(Frame.clip(position, to: inner), row: row + shown, column: rect.column + 2, style: .muted)
        }
        // The keys the hint bar has no room for.
        var keys = [KeyBinding("Shift-Tab", "previous field"), KeyBinding("Ctrl-L", "redraw")]
        if state.canJumpToReview { keys.append(KeyBinding("Ctrl-R", "to review")) }
        var keyLine = ""
        for key in keys {
            let part = (keyLine.isEmpty ? "" : "  ") + key.keys + " " + key.help
            guard keyLine.count + part.count <= inner else { break }
            keyLine += part
        }
        frame.put(keyLine, row: rect.bottom - 3, column: rect.column + 2, style: .muted)
        frame.put("Any key closes this help.", row: rect.bottom - 2, column: rect.column + 2, style: .muted)
    }

    static func drawQuitConfirmation(into frame: inout Frame) {
        let width = 46
        let rect = Rect(row: frame.height / 2 - 3, column: (frame.width - width) / 2, width: width, height: 6)
        frame.box(rect, style: .warning)
        frame.put("Leave without writing anything?", row: rect.row + 1, column: rect.column + 2, style: .bold)
        frame.put("Nothing has been written yet.", row: rect.row + 2, column: rect.column + 2)
        frame.put("y", row: rect.row + 4, column: rect.column + 2, style: .bold)
        frame.put("leave    ", row: rect.row + 4, column: rect.column + 4)
        frame.put("n", row: rect.row + 4, column: rect.column + 13, style: .bold)
        frame.put("stay", row: rect.row + 4, column: rect.column + 15)
    }
}
