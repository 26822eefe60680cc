import Foundation
import OIDCSetup
import TestSupport
import Testing

/// The "Check with your provider" step: effects out, results in, as the run loop drives it.
@Suite struct WizardLiveCheckTests {
    typealias Machine = WizardStateMachineTests

    /// The answered Entra state on Review, with warnings accepted, then Next.
    static func enterCheck() -> (WizardState, [WizardEffect]) {
        var state = Machine.answeredEntra()
        state.step = .review
        state.acceptedWarnings = state.currentWarnings
        let effects = Machine.send(&state, .nextRequested)
        return (state, effects)
    }

    @Test func comingFromReviewStartsARunWithEveryLinePending() throws {
        let (state, effects) = Self.enterCheck()
        #expect(state.step == .providerCheck)
        guard case .runLiveCheck(let plan, let run)? = effects.first else {
            Issue.record("no run effect: \(effects)")
            return
        }
        #expect(run == 1)
        #expect(state.liveCheck.running)
        #expect(plan.checkIDs == [.discovery, .jwks, .token("identity"), .token("operate"), .token("tasklist"), .token("optimize"), .token("zeebe")])
        #expect(state.liveCheck.rows.map { state.liveCheck.result($0).status } == Array(repeating: .pending, count: 7))
    }

    @Test func resultsOfTheCurrentRunLandOthersAreIgnored() {
        var (state, _) = Self.enterCheck()
        let ok = CheckResult(.discovery, .ok, subject: "provider", "discovery: fine")
        Machine.send(&state, .liveCheckResult(run: 0, CheckResult(.discovery, .fail, subject: "provider", "stale")))
        #expect(state.liveCheck.result(.discovery).status == .pending)
        Machine.send(&state, .liveCheckResult(run: 1, ok))
        #expect(state.liveCheck.result(.discovery) == ok)
        // Results land while the quit question is open.
        Machine.send(&state, .quitRequested, .liveCheckResult(run: 1, CheckResult(.jwks, .ok, subject: "provider", "keys")), .liveCheckFinished(run: 1))
        #expect(state.liveCheck.result(.jwks).status == .ok)
        #expect(!state.liveCheck.running)
    }

    @Test func escCancelsARunningCheckThenGoesBack() {
        var (state, _) = Self.enterCheck()
        #expect(Machine.send(&state, .backRequested) == [.cancelLiveCheck(run: 1)])
        #expect(state.step == .providerCheck)
        #expect(state.liveCheck.cancelled)
        #expect(state.liveCheck.result(.jwks).status == .skip)
        Machine.send(&state, .backRequested)
        #expect(state.step == .review)
    }

    @Test func enterOnAFailGoesToTheFieldAndComingBackRunsAgain() {
        var (state, _) = Self.enterCheck()
        let fail = CheckResult(.token("operate"), .fail, subject: "Operate", "wrong secret", field: .clientSecret(.operate))
        Machine.send(&state, .liveCheckResult(run: 1, fail), .liveCheckFinished(run: 1))
        Machine.send(&state, .moveDown, .moveDown, .moveDown)
        #expect(state.liveCheck.cursor == 3)
        Machine.send(&state, .activate)
        #expect(state.step == .component(.operate))
        #expect(state.focusedField == .clientSecret(.operate))
        // Forward through the steps back to the check: a new run.
        var effects: [WizardEffect] = []
        while state.step != .providerCheck {
            if state.step == .review { state.acceptedWarnings = state.currentWarnings }
            effects += Machine.send(&state, .nextRequested)
        }
        #expect(effects.contains { if case .runLiveCheck(_, 2) = $0 { return true } else { return false } })
    }

    @Test func skipGoesOnAndTheWriteStepListsIt() {
        var (state, _) = Self.enterCheck()
        let effects = Machine.send(&state, .skipLiveCheck)
        #expect(effects == [.cancelLiveCheck(run: 1)])
        #expect(state.step == .preview)
        #expect(state.liveCheck.openPoints == ["skipped: run camunda-oidc verify where the provider can be reached"])
        // Back from the preview keeps the step as it was (no new run).
        #expect(Machine.send(&state, .backRequested).isEmpty)
        #expect(state.step == .providerCheck)
    }

    @Test func plainHTTPToAnotherMachineWaitsForConsent() {
        var state = WizardState(config: SampleConfiguration.generic(output: .env))
        state.config.values[.issuerBackendURL] = "http://keycloak.identity.svc:8080/realms/camunda"
        state.claimConfirmed = true
        state.step = .review
        state.acceptedWarnings = state.currentWarnings
        #expect(Machine.send(&state, .nextRequested).isEmpty)
        #expect(state.liveCheck.awaitingHTTPConsent == ["keycloak.identity.svc"])
        let effects = Machine.send(&state, .allowPlainHTTP)
        guard case .runLiveCheck(let plan, _)? = effects.first else {
            Issue.record("no run after consent")
            return
        }
        #expect(plan.options.allowHTTP)
    }

    @Test func readmeTableIsTheTable() throws {
        let readme = try String(contentsOf: Golden.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let table = TokenRequestTable.camunda85.markdown()
        #expect(readme.contains("<!-- token-request-table -->\n" + table + "<!-- /token-request-table -->"),
                "README.md's table differs from TokenRequestTable; it should read:\n\(table)")
    }
}
