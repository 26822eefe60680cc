import OIDCSetup
import TerminalUI

/// Keys of the scrollable steps (review, preview, done).
enum ScrollKeys {
    static let page = 10

    static func event(for key: Key) -> WizardEvent? {
        switch key {
        case .pageDown, .character(" "): return .scroll(page)
        case .pageUp: return .scroll(-page)
        case .home, .character("g"): return .scrollToTop
        case .end, .character("G"): return .scrollToBottom
        case .down, .character("j"): return .scroll(1)
        case .up, .character("k"): return .scroll(-1)
        default: return nil
        }
    }

    static let bindings = [KeyBinding("PgUp/PgDn", "scroll")]
}
