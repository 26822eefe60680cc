import OIDCSetup
import Testing

/// The wizard state machine: every transition and guard, driven by events as a front end would.
@Suite struct WizardStateMachineTests {
    /// Sends events, collecting effects; answers directory inspection with `existing`.
    @discardableResult
    static func send(_ state: inout WizardState, _ events: WizardEvent..., existing: [String] = []) -> [WizardEffect] {
        var effects: [WizardEffect] = []
        for event in events {
            var pending = Wizard.reduce(&state, event)
            while !pending.isEmpty {
                let effect = pending.removeFirst()
                if case .inspectOutput(_, let names) = effect {
                    pending += Wizard.reduce(&state, .outputInspected(existing: names.filter(existing.contains)))
                } else {
                    effects.append(effect)
                }
            }
        }
        return effects
    }

    static func typed(_ text: String) -> WizardEvent { .insert(text) }

    static let tenant = "11111111-2222-3333-4444-555555555555"

    /// An Entra configuration with Identity, Operate, Tasklist, Optimize and Zeebe answered.
    static func answeredEntra(output: OutputFormat = .helm) -> WizardState {
        var config = Configuration(provider: .microsoft, output: output)
        config.set(.tenantID, tenant)
        config.set(.identityBaseURL, "http://identity:8084")
        for (index, c) in config.components.enumerated() {
            if c.hasExternalURL { config.set(.componentURL(c), "https://\(c.rawValue).example.com") }
            config.set(.clientID(c), "00000000-0000-0000-0000-00000000000\(index)")
            config.set(.clientSecret(c), "fake-\(c.rawValue)-secret~NOT-REAL")
        }
        config.set(.initialClaimValue, "99999999-8888-7777-6666-555555555555")
        var state = WizardState(config: config)
        state.claimConfirmed = true
        return state
    }

    @Test func stepsFollowTheAnswers() {
        var config = Configuration(provider: .generic, output: .env, selectedComponents: [.identity, .zeebe, .operate])
        #expect(WizardStep.steps(for: config) == [
            .start, .version, .provider, .output, .endpoints, .components, .urls,
            .component(.identity), .component(.operate), .component(.zeebe),
            .initialClaim, .review, .providerCheck, .preview, .write,
        ])
        config.output = .helm
        config.selectedComponents = Set(Component.allCases)
        let steps = WizardStep.steps(for: config)
        #expect(steps.count == 20)
        #expect(steps.contains(.helmSecrets))
        #expect(steps.firstIndex(of: .helmSecrets)! == steps.firstIndex(of: .initialClaim)! + 1)
    }

    @Test("8.8 and 8.9: the cluster's step replaces Operate, Tasklist and Zeebe; the admins' step follows the initial claim, which only Management Identity asks",
          arguments: [CamundaVersion.v8_8, .v8_9])
    func orchestrationModelSteps(version: CamundaVersion) {
        var config = Configuration(version: version, provider: .microsoft, output: .helm, selectedComponents: [.identity, .operate, .zeebe, .connectors])
        #expect(WizardStep.steps(for: config) == [
            .start, .version, .provider, .output, .endpoints, .components, .urls,
            .component(.orchestration), .component(.identity), .component(.connectors),
            .initialClaim, .adminBootstrap, .helmSecrets, .review, .providerCheck, .preview, .write,
        ])
        #expect(WizardStep.component(.orchestration).fields(for: config) == [
            .clientID(.orchestration), .clientSecret(.orchestration), .audience(.orchestration),
            .ocUsernameClaim, .ocClientIDClaim, .ocPreferUsernameClaim, .ocGroupsClaim, .ocScopes,
        ])
        #expect(WizardStep.adminBootstrap.fields(for: config) == FieldID.adminFields)
        #expect(WizardStep.component(.connectors).fields(for: config) == [.connectorsUseOrchestrationApp, .connectorsTokenScope])
        config.set(.connectorsUseOrchestrationApp, "false")
        #expect(WizardStep.component(.connectors).fields(for: config) == [.connectorsUseOrchestrationApp, .clientID(.connectors), .clientSecret(.connectors), .connectorsTokenScope])
        config.selectedComponents = [.connectors]
        #expect(!WizardStep.steps(for: config).contains(.initialClaim), "no Management Identity, no initial claim")
        #expect(WizardStep.steps(for: config).contains(.adminBootstrap))
        #expect(WizardStep.endpoints.fields(for: Configuration(version: version, provider: .generic)).contains(.authorizationURL))
    }

    @Test("8.8: the cluster cannot be unticked; a yes/no choice is kept as an answer")
    func orchestrationChoices() {
        var state = WizardState(config: Configuration(version: .v8_8, provider: .microsoft))
        state.step = .components
        state.focus = 0
        state.listCursor = 0
        _ = Wizard.reduce(&state, .toggle)
        #expect(state.config.isSelected(.orchestration))
        #expect(state.notice == "Orchestration cluster is always deployed: it is the cluster itself.")
        state.step = .component(.orchestration)
        state.focus = state.items.firstIndex(of: .field(.ocPreferUsernameClaim))!
        #expect(state.config.value(.ocPreferUsernameClaim) == "true")
        _ = Wizard.reduce(&state, .moveDown)
        #expect(state.config.value(.ocPreferUsernameClaim) == "false")
        #expect(Validator.validate(state.config).contains { $0.field == .ocPreferUsernameClaim && $0.severity == .error })
    }

    @Test func entraEndpointsAskOnlyTheTenant() {
        let entra = Configuration(provider: .microsoft)
        #expect(WizardStep.endpoints.fields(for: entra) == [.tenantID, .authorityHost])
        let generic = Configuration(provider: .generic)
        #expect(WizardStep.endpoints.fields(for: generic) == [.issuer, .issuerBackendURL, .tokenURL, .jwksURL])
        #expect(WizardStep.urls.fields(for: Configuration(output: .helm)).first == .componentURL(.identity))
        #expect(WizardStep.urls.fields(for: Configuration(output: .env)).first == .identityBaseURL)
    }

    @Test func nextIsBlockedByErrorsAndFocusesTheFirst() {
        var state = WizardState(config: Configuration(provider: .generic))
        state.step = .endpoints
        Self.send(&state, Self.typed("https://idp.example.com"), .nextRequested)
        #expect(state.step == .endpoints)
        #expect(state.attempted.contains(.endpoints))
        #expect(state.focusedItem == .field(.tokenURL), "the first field with an error gets focus")
        #expect(state.visibleIssues(.jwksURL).map(\.message) == ["required"])
        Self.send(&state, Self.typed("https://idp.example.com/token"), .focusNext, Self.typed("https://idp.example.com/keys"), .nextRequested)
        #expect(state.step == .components)
    }

    @Test func enterMovesToTheNextFieldThenToTheNextStep() {
        var state = Self.answeredEntra()
        state.step = .component(.identity)
        Self.send(&state, .activate)
        #expect(state.focusedItem == .field(.clientSecret(.identity)))
        Self.send(&state, .activate, .activate)
        #expect(state.step == .component(.operate))
        #expect(state.focus == 0)
    }

    @Test func goingBackNeverLosesAnswers() {
        var state = Self.answeredEntra()
        state.step = .component(.operate)
        let before = state.config
        Self.send(&state, .focusNext, .deleteBackward, .deleteBackward)  // an invalid half-edit
        #expect(state.config.value(.clientSecret(.operate)) == "fake-operate-secret~NOT-RE")
        Self.send(&state, .backRequested, .backRequested, .backRequested, .backRequested, .backRequested, .backRequested)
        #expect(state.step == .provider)
        Self.send(&state, .moveUp)  // generic
        #expect(state.config.provider == .generic)
        Self.send(&state, .moveDown)  // back to Entra
        var expected = before
        expected.set(.clientSecret(.operate), "fake-operate-secret~NOT-RE")
        #expect(state.config == expected)
    }

    @Test func shiftTabAndEscWorkOnAnInvalidField() {
        var state = WizardState(config: Configuration(provider: .microsoft))
        state.step = .endpoints
        Self.send(&state, Self.typed("not-a-guid"), .focusPrevious)
        #expect(state.focusedItem == .backButton, "Shift-Tab from the first field: Back (Tab from the last: Next)")
        Self.send(&state, .backRequested)
        #expect(state.step == .components || state.step == .output)
        #expect(state.config.raw(.tenantID) == "not-a-guid")
    }

    @Test func componentRulesBlockTheComponentsStep() {
        var state = Self.answeredEntra()
        state.step = .components
        state.focus = 0
        Self.send(&state, .toggle, .nextRequested)  // untick Identity
        #expect(state.step == .components)
        #expect(Validator.validate(state.config).contains(ValidationIssue(.components, .error, "Identity is required: in 8.5 the Zeebe gateway asks Identity for permissions")))
        Self.send(&state, .toggle)  // Identity back
        state.listCursor = 4
        Self.send(&state, .toggle, .nextRequested)  // untick Zeebe while Operate and Tasklist need it
        #expect(state.step == .components)
        Self.send(&state, .toggle)
        state.listCursor = 6
        Self.send(&state, .toggle)  // Connectors (inbound) with Operate: fine
        state.config.selectedComponents.remove(.operate)
        Self.send(&state, .nextRequested)
        #expect(state.step == .urls, "the Connectors mode is chosen later: its rule blocks there")
        state.config.set(.clientID(.connectors), "00000000-0000-0000-0000-0000000000cc")
        state.config.set(.clientSecret(.connectors), "fake-connectors-secret~NOT-REAL")
        state.step = .component(.connectors)
        Self.send(&state, .nextRequested)
        #expect(state.step == .component(.connectors), "inbound Connectors need Operate")
        #expect(state.visibleIssues(.connectorsMode).map(\.message) == ["inbound mode needs Operate (Connectors call it with Operate's audience); select Operate or choose outbound"])
        state.config.connectorsMode = .outbound
        Self.send(&state, .nextRequested)
        #expect(state.step == .initialClaim)
    }

    @Test func initialClaimNeedsExplicitConfirmation() {
        var state = Self.answeredEntra()
        state.claimConfirmed = false
        state.step = .initialClaim
        Self.send(&state, .nextRequested)
        #expect(state.step == .initialClaim)
        #expect(state.focusedItem == .claimConfirmation)
        Self.send(&state, .toggle, .nextRequested)
        #expect(state.step == .helmSecrets)
    }

    @Test func reviewWarningsMustBeAccepted() {
        var state = Self.answeredEntra()
        state.step = .review
        #expect(state.items == [.nextButton, .backButton], "no warnings, no checkbox")
        state.config.set(.audience(.operate), "api://operate")
        #expect(state.items.first == .warningsAccepted)
        Self.send(&state, .nextRequested)
        #expect(state.step == .review)
        Self.send(&state, .toggle)
        #expect(state.warningsAccepted)
        state.config.set(.clientSecret(.zeebe), "12345678-1234-1234-1234-123456789012")
        #expect(!state.warningsAccepted, "a new warning needs a new tick")
        Self.send(&state, .nextRequested)
        #expect(state.step == .review)
        Self.send(&state, .toggle, .nextRequested)
        #expect(state.step == .providerCheck)
    }

    @Test func previewRevealIsUndoneByChangingTab() throws {
        var state = Self.answeredEntra()
        state.config.helmSecrets = .inline
        state.step = .preview
        let masked = try state.previewFiles(revealed: false)[0].contents
        #expect(!masked.contains("NOT-REAL"))
        #expect(masked.contains("existingSecret: \"\(WizardState.secretMask)\""))
        Self.send(&state, .revealToggled)
        #expect(state.secretsRevealed)
        #expect(try state.previewFiles(revealed: true)[0].contents.contains("fake-operate-secret~NOT-REAL"))
        Self.send(&state, .nextTab)
        #expect(!state.secretsRevealed)
        #expect(state.previewTab == 1)
        Self.send(&state, .previousTab, .previousTab)
        #expect(state.previewTab == 2, "tabs wrap around: values, checklist, answers")
    }

    @Test func writeInspectsThenWritesEverythingWithTheAnswersFile() throws {
        var state = Self.answeredEntra(output: .env)
        state.step = .review
        var effects = Self.send(&state, .nextRequested, .skipLiveCheck, .nextRequested, existing: ["operate.env"])
        #expect(state.step == .write)
        #expect(state.existingFiles == ["operate.env"])
        #expect(effects.count == 2, "the provider check started and was cancelled by the skip: \(effects)")
        effects = Self.send(&state, .nextRequested)
        guard case .write(let plan) = effects.first else {
            Issue.record("expected a write effect, got \(effects)")
            return
        }
        #expect(plan.directory == ".")
        #expect(plan.files.map(\.name) == [
            "identity.env", "operate.env", "tasklist.env", "optimize.env", "zeebe-gateway.env",
            "registration-checklist.md", "camunda-oidc-answers.yaml",
        ])
        let answers = plan.files.last!.contents
        #expect(!answers.contains("NOT-REAL"), "the saved answers hold references, never secrets")
        #expect(answers.contains("secretEnv: \"CAMUNDA_OIDC_OPERATE_SECRET\""))
        Self.send(&state, .writeFinished(.failed("disk full")))
        #expect(state.step == .write)
        Self.send(&state, .writeFinished(.written(summary: ["Wrote 7 files:"])))
        #expect(state.step == .done)
        #expect(Self.send(&state, .activate) == [.quit(status: 0, message: "Wrote 7 files:")])
    }

    @Test func savedAnswersReplayToTheSameFiles() throws {
        var state = Self.answeredEntra()
        state.config.selectedComponents.formUnion([.webModeler, .connectors])
        state.config.set(.componentURL(.webModeler), "https://modeler.example.com")
        state.config.set(.clientID(.webModeler), "00000000-0000-0000-0000-0000000000aa")
        state.config.set(.webModelerPublicAPIAudience, "api://modeler-public")
        state.config.set(.clientID(.connectors), "00000000-0000-0000-0000-0000000000bb")
        state.config.set(.clientSecret(.connectors), "fake-connectors-secret~NOT-REAL")
        let files = try state.outputFiles()
        var replay = try AnswersFile.parse(files.last!.contents)
        for c in replay.configuration.components where c.hasSecret {
            #expect(replay.secretReferences[c] == .environment(SecretReference.defaultEnvironmentName(c)))
            replay.configuration.set(.clientSecret(c), state.config.value(.clientSecret(c)))
        }
        #expect(try OutputRenderer().render(replay.configuration) == Array(files.dropLast()))
    }

    @Test func quitAsksAndCancelling() {
        var state = Self.answeredEntra()
        state.step = .urls
        #expect(Self.send(&state, .quitRequested).isEmpty)
        #expect(state.confirmingQuit)
        Self.send(&state, .nextRequested)
        #expect(state.step == .urls, "other events wait while the question is open")
        Self.send(&state, .quitCancelled)
        #expect(!state.confirmingQuit)
        #expect(Self.send(&state, .quitRequested, .quitConfirmed) == [.quit(status: 130, message: "camunda-oidc: left without writing anything.")])
    }

    @Test func pasteIsOneTrimmedEditAndRefusesLineBreaks() {
        var state = Self.answeredEntra()
        state.step = .component(.zeebe)
        Self.send(&state, .focusNext, .clearField, .paste("  pasted-secret~NOT-REAL \n"))
        #expect(state.config.raw(.clientSecret(.zeebe)) == "pasted-secret~NOT-REAL")
        #expect(state.fieldNotices[.clientSecret(.zeebe)] == FieldNotice(severity: .warning, message: "Surrounding whitespace was trimmed from the paste."))
        Self.send(&state, .paste("two\nlines"))
        #expect(state.config.raw(.clientSecret(.zeebe)) == "pasted-secret~NOT-REAL", "a refused paste changes nothing")
        #expect(state.fieldNotices[.clientSecret(.zeebe)]?.severity == .error)
        let long = String(repeating: "x", count: 8 * 1024)
        Self.send(&state, .clearField, .paste(long))
        #expect(state.config.raw(.clientSecret(.zeebe)) == long, "8 KiB is taken whole")
    }

    @Test("a paste holding a byte that was not UTF-8 (U+FFFD from the terminal) is refused whole, into a secret too")
    func pasteWithInvalidByteIsRefusedWhole() {
        var state = Self.answeredEntra()
        state.step = .component(.zeebe)
        Self.send(&state, .focusNext, .clearField, .paste("fake-secret\u{FFFD}NOT-REAL"))
        #expect(state.config.raw(.clientSecret(.zeebe)) == "", "neither cut at the byte nor taken")
        #expect(state.fieldNotices[.clientSecret(.zeebe)] == FieldNotice(severity: .error, message:
            "Paste refused: it holds bytes that are not UTF-8 text (shown as \u{FFFD}); nothing was pasted. Copy it again from a UTF-8 source."))
        Self.send(&state, Self.typed("ab"), .insert("\u{FFFD}"), Self.typed("c"))
        #expect(state.config.raw(.clientSecret(.zeebe)) == "abc", "a typed invalid byte is dropped, what follows is kept")
        #expect(state.fieldNotices[.clientSecret(.zeebe)] == nil, "typing on clears the notice")
        Self.send(&state, .insert("\u{FFFD}"))
        #expect(state.fieldNotices[.clientSecret(.zeebe)]?.message.hasPrefix("A byte that is not UTF-8 text was typed and dropped") == true)
    }

    @Test func secretsAreEditedAtTheEnd() {
        var state = Self.answeredEntra()
        state.step = .component(.identity)
        Self.send(&state, .focusNext, .cursorHome, Self.typed("!"), .deleteBackward, .deleteBackward)
        #expect(state.config.raw(.clientSecret(.identity)) == "fake-identity-secret~NOT-REA")
    }

    @Test func textFieldsEditAtTheCursor() {
        var state = Self.answeredEntra()
        state.step = .urls
        Self.send(&state, .cursorHome, .deleteForward, .deleteForward, .deleteForward, .deleteForward, .deleteForward,
                  Self.typed("http"), .cursorEnd, Self.typed("/x"), .cursorLeft, .cursorLeft, .deleteBackward)
        #expect(state.config.raw(.componentURL(.identity)) == "http://identity.example.co/x")
    }

    @Test func choicesChangeWithArrowsAndKeepFocus() {
        var state = Self.answeredEntra()
        state.step = .helmSecrets
        #expect(state.items == [.field(.helmSecrets), .field(.kubernetesSecretName), .nextButton, .backButton])
        Self.send(&state, .moveDown)
        #expect(state.config.helmSecrets == .inline)
        #expect(state.items == [.field(.helmSecrets), .nextButton, .backButton])
        #expect(state.focusedItem == .field(.helmSecrets))
    }

    @Test func startLoadsAnExistingSetupOrStartsANewOne() {
        var state = WizardState()
        #expect(state.items == [.startChoice, .nextButton])
        Self.send(&state, .moveDown, .nextRequested)
        #expect(state.step == .start)
        #expect(state.notice == "Give the directory of your env files, or your values file or answers file.")
        #expect(state.focusedItem == .loadPath)
        #expect(Self.send(&state, Self.typed("./env"), .nextRequested) == [.loadSetup(path: "./env")])
        Self.send(&state, .focusPrevious, .moveUp)
        #expect(state.items == [.startChoice, .nextButton])
        Self.send(&state, .nextRequested)
        #expect(state.step == .version)
    }

    @Test func aLoadedSetupFillsEveryStepAndAddsTheChangesStep() throws {
        let answered = Self.answeredEntra()
        let files = try OutputRenderer().render(answered.config)
        let setup = ImportedSetup(configuration: answered.config, baseline: Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) }),
                                  notes: [ImportProblem(file: "values-oidc.yaml", line: 3, message: "a note")])
        var state = WizardState()
        state.startChoice = 1
        state.loadPath = "deploy/values-oidc.yaml"
        Self.send(&state, .setupLoaded(setup, directory: "deploy"))
        #expect(state.step == .version, "the version is the first question, a loaded setup's too")
        #expect(state.config == answered.config)
        #expect(state.outputDirectory == "deploy")
        #expect(state.importNotes == ["values-oidc.yaml:3: a note"])
        #expect(state.notice == "Loaded deploy/values-oidc.yaml (3 files); 1 note on the review step.")
        #expect(state.steps.suffix(3) == [.preview, .changes, .write])
        #expect(state.claimConfirmed, "confirmed when first written")
        #expect(try state.changes().first { $0.file == "values-oidc.yaml" }?.status == .unchanged)
        state.step = .initialClaim
        state.focus = 1
        Self.send(&state, Self.typed("x"))
        #expect(!state.claimConfirmed, "changing the claim asks again")
        #expect(try state.changes().first { $0.file == "values-oidc.yaml" }?.changes.map(\.key) == ["global.identity.auth.identity.initialClaimValue"])
    }

    @Test func stepsWithoutInputsStartOnNext() {
        var state = Self.answeredEntra()
        state.step = .initialClaim
        Self.send(&state, .nextRequested, .nextRequested)
        #expect(state.step == .review)
        #expect(state.focusedItem == .nextButton)
        Self.send(&state, .activate)
        #expect(state.step == .providerCheck, "Enter on a step without inputs goes on")
    }

    @Test func tabAfterTheLastFieldReachesNextAndShiftTabWalksBack() {
        var state = Self.answeredEntra()
        state.step = .helmSecrets
        Self.send(&state, .backRequested, .nextRequested)  // enter the step as a user does
        #expect(state.step == .helmSecrets)
        #expect(state.focusedItem == .field(.helmSecrets))
        Self.send(&state, .focusNext)
        #expect(state.focusedItem == .field(.kubernetesSecretName))
        Self.send(&state, .focusNext)
        #expect(state.focusedItem == .nextButton, "Tab from the last field: Next, so Enter goes on")
        Self.send(&state, .activate)
        #expect(state.step == .review, "Tab, Enter after the last field goes forward")
        state.step = .helmSecrets
        Self.send(&state, .backRequested, .nextRequested)
        Self.send(&state, .focusPrevious)
        #expect(state.focusedItem == .backButton, "Shift-Tab from the first field: Back, the mirror of Tab")
        Self.send(&state, .focusPrevious)
        #expect(state.focusedItem == .nextButton)
        Self.send(&state, .focusPrevious)
        #expect(state.focusedItem == .field(.kubernetesSecretName))
    }

    @Test func helpOpensAndAnyKeyClosesIt() {
        var state = WizardState()
        state.step = .endpoints
        Self.send(&state, .helpToggled)
        #expect(state.showingHelp)
        Self.send(&state, .activate)
        #expect(!state.showingHelp)
        #expect(state.step == .endpoints, "the key that closes help does nothing else")
    }
}
