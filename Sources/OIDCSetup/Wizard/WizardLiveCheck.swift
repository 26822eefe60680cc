/// The wizard's "Check with your provider" step: which run is current, its lines as they
/// arrive, and what the operator decided (skip, cancel, allow plain http).
public struct LiveCheckState: Equatable, Sendable {
    /// Numbers the runs; results of an older (cancelled, replaced) run are ignored.
    public var run = 0
    public var plan: LiveCheckPlan?
    public var results: [CheckID: CheckResult] = [:]
    public var running = false
    /// Esc stopped the run: the lines still pending say so.
    public var cancelled = false
    /// The operator skipped the check (`s`): the write step says it was not done.
    public var skipped = false
    /// The operator agreed to plain http to the hosts the plan names (`a`).
    public var allowHTTP = false
    /// The highlighted line.
    public var cursor = 0

    public init() {}

    /// The lines in order.
    public var rows: [CheckID] { plan?.checkIDs ?? [] }

    /// A line's result, or a pending (or cancelled) line while none has arrived.
    public func result(_ id: CheckID) -> CheckResult {
        if let result = results[id] { return result }
        let subject = plan?.subject(of: id) ?? ""
        let message = plan?.pendingMessage(of: id) ?? ""
        return CheckResult(id, cancelled ? .skip : .pending, subject: subject, cancelled ? "cancelled: \(message)" : message)
    }

    /// Plain http hosts that wait for the operator's consent before anything is requested.
    public var awaitingHTTPConsent: [String] {
        guard let plan, !allowHTTP, !running, results.keys.allSatisfy({ plan.skipped.map(\.id).contains($0) }) else { return [] }
        return plan.plainHTTPHosts
    }

    /// The write step's line about the check: done or not, and what did not pass.
    public var summary: String {
        if skipped || plan == nil { return "Provider check: skipped (camunda-oidc verify can check later)." }
        let results = rows.map(result)
        let failed = results.filter { $0.status == .fail }.map(\.subject)
        let warned = results.filter { $0.status == .warn }.map(\.subject)
        var parts: [String] = []
        if !failed.isEmpty { parts.append("\(failed.count) FAIL (\(Array(Set(failed)).sorted().joined(separator: ", ")))") }
        if !warned.isEmpty { parts.append("\(warned.count) warn (\(Array(Set(warned)).sorted().joined(separator: ", ")))") }
        if cancelled || results.contains(where: { $0.status == .pending }) { parts.append("not finished") }
        return parts.isEmpty ? "Provider check: every check ok." : "Provider check: " + parts.joined(separator: ", ") + "; writing anyway."
    }

    /// What the write step lists: every line that is not ok, or that the check was skipped.
    public var openPoints: [String] {
        if skipped || plan == nil { return ["skipped: run camunda-oidc verify where the provider can be reached"] }
        return rows.map(result).filter { $0.status != .ok }.map { LiveCheckReport.line($0) }
    }
}

extension Wizard {
    /// Entering the check step from an earlier step (or pressing `r`) starts a new run.
    static func startLiveCheck(_ state: inout WizardState) -> [WizardEffect] {
        var effects: [WizardEffect] = []
        if state.liveCheck.running { effects.append(.cancelLiveCheck(run: state.liveCheck.run)) }
        let allowHTTP = state.liveCheck.allowHTTP
        state.liveCheck.run += 1
        state.liveCheck.results = [:]
        state.liveCheck.cancelled = false
        state.liveCheck.skipped = false
        state.liveCheck.cursor = 0
        let plan = LiveCheckPlan(config: state.config, options: LiveCheckOptions(allowHTTP: allowHTTP))
        state.liveCheck.plan = plan
        // Lines decided without a request (public clients, no secret to send) show at once.
        for result in plan.skipped { state.liveCheck.results[result.id] = result }
        guard allowHTTP || plan.plainHTTPHosts.isEmpty else {
            // The wizard asks before sending anything over plain http to another machine.
            state.liveCheck.running = false
            return effects
        }
        state.liveCheck.running = true
        return effects + [.runLiveCheck(plan, run: state.liveCheck.run)]
    }

    /// Keys and results of the check step; nil when the event is not the step's own.
    static func reduceLiveCheck(_ state: inout WizardState, _ event: WizardEvent) -> [WizardEffect]? {
        switch event {
        case .liveCheckResult(let run, let result):
            guard run == state.liveCheck.run, state.liveCheck.running else { return [] }
            state.liveCheck.results[result.id] = result
            return []
        case .liveCheckFinished(let run):
            guard run == state.liveCheck.run else { return [] }
            state.liveCheck.running = false
            return []
        default:
            break
        }
        guard state.step == .providerCheck else { return nil }
        switch event {
        case .skipLiveCheck:
            var effects: [WizardEffect] = state.liveCheck.running ? [.cancelLiveCheck(run: state.liveCheck.run)] : []
            state.liveCheck.running = false
            state.liveCheck.skipped = true
            let steps = state.steps
            if let index = steps.firstIndex(of: .providerCheck), index + 1 < steps.count { effects += enter(&state, steps[index + 1]) }
            return effects
        case .rerunLiveCheck:
            return startLiveCheck(&state)
        case .allowPlainHTTP:
            guard !state.liveCheck.awaitingHTTPConsent.isEmpty else { return [] }
            state.liveCheck.allowHTTP = true
            return startLiveCheck(&state)
        case .backRequested where state.liveCheck.running:
            // Esc while the checks run cancels them; the lines answered so far stay.
            state.liveCheck.running = false
            state.liveCheck.cancelled = true
            return [.cancelLiveCheck(run: state.liveCheck.run)]
        case .moveUp, .moveDown:
            guard state.focusedItem == .checkList else { return nil }
            let count = state.liveCheck.rows.count
            state.liveCheck.cursor = min(max(state.liveCheck.cursor + (event == .moveUp ? -1 : 1), 0), max(count - 1, 0))
            return []
        case .activate where state.focusedItem == .checkList:
            let rows = state.liveCheck.rows
            guard rows.indices.contains(state.liveCheck.cursor) else { return next(&state) }
            let result = state.liveCheck.result(rows[state.liveCheck.cursor])
            guard result.status == .fail || result.status == .warn, let field = result.field else { return next(&state) }
            return jump(&state, to: field)
        default:
            return nil
        }
    }

    /// Goes to the step that asks for a field and focuses it; coming back to the check re-runs it.
    static func jump(_ state: inout WizardState, to field: FieldID) -> [WizardEffect] {
        var effects: [WizardEffect] = []
        if state.liveCheck.running {
            state.liveCheck.running = false
            effects.append(.cancelLiveCheck(run: state.liveCheck.run))
        }
        let steps = state.steps
        // Derived fields (Entra's endpoints) are not asked: their step shows them, the tenant ID makes them.
        let target = steps.first { $0.fields(for: state.config).contains(field) }
            ?? steps.first { $0.fields(for: state.config).contains(.tenantID) && field.component == nil }
            ?? (field.component.map { WizardStep.component($0) }).flatMap { steps.contains($0) ? $0 : nil }
            ?? .endpoints
        effects += enter(&state, target)
        if let index = state.items.firstIndex(of: .field(field)) { focus(&state, index) }
        state.notice = "Fix \(FieldCatalog.field(field).label); coming back, the provider check runs again."
        return effects
    }
}
