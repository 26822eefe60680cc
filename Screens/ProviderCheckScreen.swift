import OIDCSetup
import TerminalUI

/// After Review: the answers tried against the provider, each line turning from pending to its
/// result as it arrives. Enter on a FAIL goes to the field to fix; nothing here blocks writing.
struct ProviderCheckScreen: StepScreen {
    func intro(_ state: WizardState) -> String {
        "The answers tried as the components will use them: discovery, signing keys, a token per application. "
            + "s skips (some bastions cannot reach the provider); a failure never blocks writing."
    }

    func drawBody(_ state: WizardState, into frame: inout Frame, area: Rect) {
        let check = state.liveCheck
        var row = area.row
        let hosts = check.awaitingHTTPConsent
        if !hosts.isEmpty {
            row += frame.putWrapped("Plain http to \(hosts.joined(separator: ", ")) would carry the client secrets unencrypted "
                                    + "(fine for in-cluster URLs seen from inside the cluster).", row: row, column: area.column,
                                    width: area.width, maxRows: 3, style: .warning)
            frame.put("a", row: row + 1, column: area.column + 2, style: .bold)
            frame.put("allow and check    ", row: row + 1, column: area.column + 4)
            frame.put("s", row: row + 1, column: area.column + 23, style: .bold)
            frame.put("skip the check", row: row + 1, column: area.column + 25)
            return
        }
        let rows = check.rows
        // Details of the highlighted line take the space left under the list.
        let listHeight = min(rows.count, max(area.height - 4, 1))
        let first = min(max(0, check.cursor - listHeight + 1), max(0, rows.count - listHeight))
        for (offset, id) in rows.enumerated().dropFirst(first).prefix(listHeight) {
            let result = check.result(id)
            let highlighted = offset == check.cursor && state.focusedItem == .checkList
            let status = result.status == .pending ? "…" : result.status.rawValue
            frame.put(highlighted ? "›" : " ", row: row, column: area.column, style: .bold)
            frame.put(status, row: row, column: area.column + 2, style: Self.style(result.status))
            let text = "\(result.subject): \(result.message)"
            frame.put(Frame.clip(text, to: area.width - 9), row: row, column: area.column + 8,
                      style: highlighted ? .selected : (result.status == .pending ? .muted : .normal))
            row += 1
        }
        row += 1
        if rows.indices.contains(check.cursor), row < area.bottom {
            let result = check.result(rows[check.cursor])
            var lines = [result.message] + result.details
            if let field = result.field, result.status == .fail || result.status == .warn {
                lines.append("Enter: go to \(FieldCatalog.field(field).label) (\(field.path)); coming back checks again.")
            }
            for line in lines where row < area.bottom - 1 {
                row += frame.putWrapped(line, row: row, column: area.column + 2, width: area.width - 2,
                                        maxRows: area.bottom - 1 - row, style: line.hasPrefix("Enter:") ? .bold : .muted)
            }
        }
        frame.put(Frame.clip(Self.status(check), to: area.width), row: area.bottom - 1, column: area.column,
                  style: check.running ? .muted : .bold)
    }

    static func status(_ check: LiveCheckState) -> String {
        if check.running { return "Checking… Esc cancels." }
        let results = check.rows.map(check.result)
        let counts = [CheckStatus.ok, .fail, .warn, .skip].map { status in (status, results.filter { $0.status == status }.count) }
            .filter { $0.1 > 0 }.map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", ")
        return (check.cancelled ? "Cancelled: " : "Done: ") + counts + ". r checks again."
    }

    static func style(_ status: CheckStatus) -> CellStyle {
        switch status {
        case .ok: return .good
        case .fail: return .error
        case .warn: return .warning
        case .skip, .pending: return .muted
        }
    }

    func bindings(_ state: WizardState) -> [KeyBinding] {
        [KeyBinding("↑↓", "line"), KeyBinding("s", "skip"), KeyBinding("r", "again")]
    }

    func event(for key: Key, in state: WizardState) -> WizardEvent? {
        switch key {
        case .character("s"), .character("S"): return .skipLiveCheck
        case .character("r"), .character("R"): return .rerunLiveCheck
        case .character("a"), .character("A"): return state.liveCheck.awaitingHTTPConsent.isEmpty ? nil : .allowPlainHTTP
        case .up: return .moveUp
        case .down: return .moveDown
        default: return nil
        }
    }
}
