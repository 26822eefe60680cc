import OIDCSetup
import TerminalUI

/// Step 11: every output file in a tab, scrollable, secrets masked until revealed.
struct PreviewScreen: StepScreen {
    func intro(_ state: WizardState) -> String { "" }

    func drawBody(_ state: WizardState, into frame: inout Frame, area: Rect) {
        let files: [OutputFile]
        do {
            files = try state.previewFiles(revealed: state.secretsRevealed)
        } catch {
            frame.putWrapped("The answers still have errors; go back (Esc) and fix them.", row: area.row, column: area.column,
                             width: area.width, maxRows: 2, style: .error)
            return
        }
        let selected = min(state.previewTab, files.count - 1)
        // Tabs: the selected one reversed; scrolled so it stays in view.
        var column = area.column
        let labels = files.enumerated().map { " \($0.offset + 1) \($0.element.name) " }
        var first = 0
        while labels[first...selected].map({ $0.count + 1 }).reduce(0, +) > area.width, first < selected { first += 1 }
        if first > 0 { frame.put("‹", row: area.row, column: column, style: .muted); column += 1 }
        for index in first..<labels.count {
            guard column + labels[index].count < area.column + area.width else {
                frame.put("›", row: area.row, column: area.column + area.width - 1, style: .muted)
                break
            }
            column = frame.put(labels[index], row: area.row, column: column, style: index == selected ? .selected : .normal) + 1
        }
        let file = files[selected]
        let banner: (String, CellStyle)
        if state.secretsRevealed {
            banner = ("SECRETS VISIBLE: anyone who can see this screen can read them. r masks them again.", .error)
        } else if file.holdsSecret {
            banner = ("Secrets masked as \(WizardState.secretMask). r reveals them. Written with mode 0\(String(file.mode, radix: 8)).", .muted)
        } else {
            banner = ("Holds no secret. Written with mode 0\(String(file.mode, radix: 8)).", .muted)
        }
        frame.put(Frame.clip(banner.0, to: area.width), row: area.row + 1, column: area.column, style: banner.1)
        // Long lines wrap (continued under a "↪") rather than being cut: every value is readable.
        let lines = file.contents.split(separator: "\n", omittingEmptySubsequences: false).dropLast().flatMap { line -> [String] in
            guard line.count > area.width else { return [String(line)] }
            var pieces = [String(line.prefix(area.width))]
            var rest = line.dropFirst(area.width)
            while !rest.isEmpty {
                pieces.append("↪ " + rest.prefix(area.width - 2))
                rest = rest.dropFirst(area.width - 2)
            }
            return pieces
        }
        frame.scrollView(lines, from: state.scroll, in: Rect(row: area.row + 2, column: area.column, width: area.width, height: area.height - 2)) { line in
            line.hasPrefix("#") || line.hasPrefix("<!--") ? .muted : .normal
        }
    }

    func bindings(_ state: WizardState) -> [KeyBinding] {
        [KeyBinding("←→", "file"), KeyBinding("PgUp/PgDn", "scroll"), KeyBinding("r", state.secretsRevealed ? "mask" : "reveal")]
    }

    func event(for key: Key, in state: WizardState) -> WizardEvent? {
        switch key {
        case .left, .character("h"), .character("["): return .previousTab
        case .right, .character("l"), .character("]"): return .nextTab
        case .character("r"): return .revealToggled
        default: return ScrollKeys.event(for: key)
        }
    }
}
