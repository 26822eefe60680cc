import OIDCSetup
import TerminalUI

/// A rectangle of the frame.
public struct Rect: Equatable, Sendable {
    public var row: Int
    public var column: Int
    public var width: Int
    public var height: Int

    public init(row: Int, column: Int, width: Int, height: Int) {
        self.row = row
        self.column = column
        self.width = width
        self.height = height
    }

    public var bottom: Int { row + height }
}

/// A key and what it does, for the footer hint bar and the help panel.
public struct KeyBinding: Equatable, Sendable {
    public let keys: String
    public let help: String

    public init(_ keys: String, _ help: String) {
        self.keys = keys
        self.help = help
    }
}

/// One wizard step on screen: draws the step's body and turns keys into events.
/// The chrome around it (title, progress, buttons, hint bar, overlays) is `WizardView`'s.
public protocol StepScreen {
    /// One or two sentences under the title: what this step is for.
    func intro(_ state: WizardState) -> String
    func drawBody(_ state: WizardState, into frame: inout Frame, area: Rect)
    /// Keys this step handles itself (before the common ones), for the hint bar.
    func bindings(_ state: WizardState) -> [KeyBinding]
    /// The event for a key, or nil to fall back to the common keys.
    func event(for key: Key, in state: WizardState) -> WizardEvent?
    /// Rows the intro may take below 24 rows (3, as at 80x24, unless the body needs them).
    var smallIntroRows: Int { get }
}

extension StepScreen {
    public func bindings(_ state: WizardState) -> [KeyBinding] { FormKeys.bindings(state) }
    public func event(for key: Key, in state: WizardState) -> WizardEvent? { FormKeys.event(for: key, in: state) }
    public var smallIntroRows: Int { 3 }
}

/// Keys of a form step: text editing in text fields, lists and choices elsewhere.
public enum FormKeys {
    public static func isTextInput(_ state: WizardState) -> Bool {
        state.focusedItem.map { state.editableText($0) != nil } ?? false
    }

    public static func event(for key: Key, in state: WizardState) -> WizardEvent? {
        if isTextInput(state) {
            switch key {
            case .character(let ch): return .insert(String(ch))
            case .paste(let text): return .paste(text)
            case .backspace: return .deleteBackward
            case .delete: return .deleteForward
            case .left: return .cursorLeft
            case .right: return .cursorRight
            case .home, .control("a"): return .cursorHome
            case .end, .control("e"): return .cursorEnd
            case .control("u"): return .clearField
            case .up: return .focusPrevious
            case .down: return .focusNext
            default: return nil
            }
        }
        switch key {
        case .up, .character("k"): return .moveUp
        case .down, .character("j"): return .moveDown
        case .character(" "): return .toggle
        case .character("?"): return .helpToggled
        case .left: return .focusPrevious
        case .right: return .focusNext
        case .paste(let text): return .paste(text)
        default: return nil
        }
    }

    public static func bindings(_ state: WizardState) -> [KeyBinding] {
        switch state.focusedItem {
        case .field(let f) where FieldCatalog.field(f).kind == .componentSet:
            return [KeyBinding("↑↓", "move"), KeyBinding("Space", "select")]
        case .field(let f) where FieldCatalog.field(f).kind == .choice:
            return [KeyBinding("↑↓", "choose")]
        case .claimConfirmation, .warningsAccepted:
            return [KeyBinding("Space", "tick")]
        case .field(let f) where FieldCatalog.field(f).isSecret:
            return [KeyBinding("Ctrl-U", "clear")]
        default:
            return []
        }
    }
}
