import OIDCSetup
import Screens
import TerminalUI
import Testing
import TestSupport

/// Golden 80x24 (and 60x18) text snapshots of every step, both providers.
@Suite struct ScreenSnapshotTests {
    static let steps: [(String, WizardStep)] = [
        ("01-start", .start), ("01-version", .version), ("02-provider", .provider), ("03-output", .output), ("04-endpoints", .endpoints),
        ("05-components", .components), ("06-urls", .urls), ("07-identity", .component(.identity)),
        ("07-zeebe", .component(.zeebe)), ("07-web-modeler", .component(.webModeler)), ("07-connectors", .component(.connectors)),
        ("08-initial-claim", .initialClaim), ("09-helm-secrets", .helmSecrets), ("10-review", .review),
        ("11-preview", .preview), ("12-write", .write),
    ]

    @Test(arguments: ["entra-helm", "generic-env"])
    func everyStepAt80x24(fixture: String) throws {
        for (name, step) in Self.steps {
            var driver = try WizardDriver.answered(fixture)
            guard driver.state.steps.contains(step) else { continue }
            driver.go(to: step)
            assertGolden(driver.screen(), named: "screens/\(fixture)/\(name).txt")
        }
    }

    @Test(arguments: ["entra-helm", "generic-env"])
    func everyStepAt60x18(fixture: String) throws {
        for (name, step) in Self.steps {
            var driver = try WizardDriver.answered(fixture)
            guard driver.state.steps.contains(step) else { continue }
            driver.go(to: step)
            assertGolden(driver.screen(rows: 18, columns: 60), named: "screens/\(fixture)-60x18/\(name).txt")
        }
    }

    /// 8.7's own steps: the version, Console in the component list, Web Modeler's two apps and its
    /// cluster block (env output), Console's step; 80x24 and 60x18.
    @Test(arguments: ["8.7-entra-env", "8.7-generic-helm-inline"])
    func laterVersionSteps(fixture: String) throws {
        let steps: [(String, WizardStep)] = [
            ("01-version", .version), ("05-components", .components), ("06-urls", .urls),
            ("07-web-modeler", .component(.webModeler)), ("07-console", .component(.console)), ("07-connectors", .component(.connectors)),
        ]
        for (name, step) in steps {
            for (rows, columns) in [(24, 80), (18, 60)] {
                var driver = try WizardDriver.answered(fixture)
                driver.go(to: step)
                assertGolden(driver.screen(rows: rows, columns: columns), named: "screens/\(fixture)\(rows == 18 ? "-60x18" : "")/\(name).txt")
            }
        }
    }

    /// 8.8 and 8.9: the endpoints with the authorization URL, the component list with the cluster
    /// always ticked, the cluster's step (claims, scopes), Management Identity, Connectors (the cluster's
    /// app or their own), the initial claim and the cluster's administrators; 80x24 and 60x18.
    @Test(arguments: ["8.8-entra-helm", "8.8-generic-helm", "8.9-generic-env"])
    func orchestrationModelSteps(fixture: String) throws {
        let steps: [(String, WizardStep)] = [
            ("04-endpoints", .endpoints), ("05-components", .components), ("06-urls", .urls),
            ("07-orchestration", .component(.orchestration)), ("07-identity", .component(.identity)),
            ("07-web-modeler", .component(.webModeler)), ("07-connectors", .component(.connectors)),
            ("08-initial-claim", .initialClaim), ("08-admins", .adminBootstrap), ("09-helm-secrets", .helmSecrets),
            ("10-review", .review),
        ]
        for (name, step) in steps {
            for (rows, columns) in [(24, 80), (18, 60)] {
                var driver = try WizardDriver.answered(fixture)
                guard driver.state.steps.contains(step) else { continue }
                driver.go(to: step)
                assertGolden(driver.screen(rows: rows, columns: columns), named: "screens/\(fixture)\(rows == 18 ? "-60x18" : "")/\(name).txt")
            }
        }
    }

    @Test func changingTheVersionSaysWhatNoLongerApplies() throws {
        var driver = try WizardDriver.answered("8.7-entra-env")
        driver.send(.backRequested)  // from wherever: onto a step, then to the version step by Next from start
        driver.state.step = .start
        driver.press(.enter)
        #expect(driver.state.step == .version)
        driver.press(.up, .up)  // 8.7 -> 8.6 -> 8.5
        #expect(driver.state.config.version == .v8_5)
        #expect(driver.state.versionChangeNotes == [
            "Camunda 8.5 has no Console: its answers are kept, but not written.",
            "No longer asked in Camunda 8.5 (kept, not written): Web Modeler API client ID, Zeebe version.",
            "New in Camunda 8.5: Web Modeler public API audience.",
        ])
        assertGolden(driver.screen(), named: "screens/errors/version-change-8.7-to-8.5.txt")
        driver.press(.down, .down)
        #expect(driver.state.config.version == .v8_7)
        #expect(driver.state.versionChangeNotes == [], "back where it started: nothing changes")
        #expect(driver.state.config.isSelected(.console), "Console's answers were kept")
    }

    @Test func emptyFieldsShowErrorsInWordsAfterNext() throws {
        var driver = WizardDriver()
        driver.go(to: .endpoints)
        driver.type("contoso.com")
        driver.press(.tab)
        driver.press(.enter)  // Enter on the last field tries Next
        #expect(driver.state.step == .endpoints)
        assertGolden(driver.screen(), named: "screens/errors/entra-endpoints-domain.txt")

        var generic = WizardDriver()
        generic.state.config.provider = .generic
        generic.go(to: .endpoints)
        generic.type("idp.example.com")
        generic.press(.tab, .tab, .tab, .tab)  // past the last field: the Next button
        generic.press(.enter)
        assertGolden(generic.screen(), named: "screens/errors/generic-endpoints-missing.txt")
    }

    @Test func componentRulesAreExplained() throws {
        var driver = try WizardDriver.answered("entra-helm")
        driver.go(to: .components)
        driver.press(.character(" "))  // untick Identity
        driver.press(.down, .down, .down, .down, .character(" "))  // untick Zeebe
        assertGolden(driver.screen(), named: "screens/errors/components-rules.txt")
    }

    @Test func previewMasksSecretsAndRevealWarns() throws {
        var driver = try WizardDriver.answered("entra-helm-inline")
        driver.go(to: .preview)
        let masked = driver.screen()
        #expect(!masked.contains("NOT-REAL"))
        assertGolden(masked, named: "screens/preview/inline-masked.txt")
        driver.press(.character("r"), .pageDown)
        let revealed = driver.screen()
        #expect(revealed.contains("SECRETS VISIBLE"))
        #expect(revealed.contains("fake-identity-secret~NOT-REAL"))
        driver.press(.right)
        #expect(!driver.state.secretsRevealed, "changing tab masks the secrets again")
        assertGolden(driver.screen(), named: "screens/preview/inline-second-tab.txt")
    }

    @Test func reviewWithWarningsNeedsAcceptance() throws {
        var driver = try WizardDriver.answered("entra-helm")
        driver.state.config.set(.componentURL(.operate), "http://operate.camunda.example.com")
        driver.go(to: .review)
        driver.press(.enter)
        #expect(driver.state.step == .review)
        assertGolden(driver.screen(), named: "screens/errors/review-warnings.txt")
        driver.press(.character(" "), .enter)
        #expect(driver.state.step == .providerCheck)
    }

    @Test func helpPanelShowsTheCatalogText() throws {
        var driver = WizardDriver()
        driver.go(to: .endpoints)
        driver.press(.function(1))
        assertGolden(driver.screen(), named: "screens/help/entra-tenant.txt")
    }

    @Test func quitAsksFirst() throws {
        var driver = try WizardDriver.answered("generic-env")
        driver.go(to: .urls)
        driver.press(.control("c"))
        assertGolden(driver.screen(), named: "screens/quit-confirmation.txt")
        driver.press(.character("n"))
        #expect(!driver.state.confirmingQuit)
        #expect(driver.effects.isEmpty)
        driver.press(.control("c"), .character("y"))
        #expect(driver.effects == [.quit(status: 130, message: "camunda-oidc: left without writing anything.")])
    }

    @Test func tooSmallTerminalSaysSoAndRecovers() throws {
        let driver = try WizardDriver.answered("generic-env")
        assertGolden(driver.screen(rows: 17, columns: 59), named: "screens/too-small.txt")
        #expect(driver.screen(rows: 18, columns: 60).contains("Welcome"))
    }

    @Test("while 'terminal too small' hides the step, keys do not act on it; Ctrl-C asks, visibly, and a second leaves")
    func tooSmallTerminalIgnoresKeys() throws {
        var driver = try WizardDriver.answered("generic-env")
        driver.go(to: .urls)
        let before = driver.state
        for key in [Key.character("x"), .enter, .escape, .tab, .backspace, .control("u"), .paste("typed blind"), .function(1), .down] {
            if let event = WizardView.event(for: key, in: driver.state, rows: 17, columns: 59) { driver.send(event) }
        }
        #expect(driver.state == before, "a hidden step changed")
        let ask = try #require(WizardView.event(for: .control("c"), in: driver.state, rows: 17, columns: 59))
        driver.send(ask)
        #expect(driver.screen(rows: 17, columns: 59).contains("Leave without writing anything?"))
        #expect(WizardView.event(for: .character("n"), in: driver.state, rows: 17, columns: 59) == .quitCancelled)
        let leave = try #require(WizardView.event(for: .control("c"), in: driver.state, rows: 17, columns: 59))
        driver.send(leave)
        #expect(driver.effects == [.quit(status: 130, message: "camunda-oidc: left without writing anything.")])
    }

    @Test("a component URL with a trailing slash: the redirect URI under it is without, and says the slash is dropped")
    func trailingSlashIsSaidUnderTheField() throws {
        var driver = try WizardDriver.answered("generic-env")
        driver.go(to: .urls)
        driver.press(.tab)  // Identity's URL
        driver.type("/")
        #expect(driver.screen().contains(" › Identity URL       https://identity.camunda.example.com/\n"
                                         + "   Redirect URI: https://identity.camunda.example.com/auth/login-callback\n   (trailing / dropped)\n"))
    }

    @Test("a generic provider is not taken for Entra: no GUID examples, no Secret ID warning, no 'oid' default; Keycloak named")
    func genericAssumesNothingOfEntra() throws {
        var driver = WizardDriver()
        driver.state.config.provider = .generic
        driver.state.config.selectedComponents = [.identity, .operate, .zeebe]
        driver.go(to: .provider)
        driver.press(.up)
        #expect(driver.screen().contains("(Keycloak, Okta, Auth0, Ping, ...)"))
        driver.go(to: .component(.operate))
        let operate = driver.screen()
        #expect(operate.contains("e.g. camunda-operate"), "\(operate)")
        #expect(!operate.contains("00000000-"), "\(operate)")
        driver.press(.tab, .function(1))  // the secret's help
        let help = driver.screen()
        #expect(help.contains("Help: Operate client secret"))
        #expect(!help.contains("Secret ID"), "\(help)")
        driver.press(.escape)
        driver.go(to: .initialClaim)
        let claim = driver.screen()
        #expect(claim.contains("e.g. sub, email or preferred_username"), "\(claim)")
        #expect(!claim.contains("'oid'") && !claim.contains(" oid") && !claim.contains("00000000-"), "\(claim)")
        driver.press(.function(1))
        #expect(driver.screen().contains("preferred_username"))
    }

    @Test("once every step has been seen, Ctrl-R jumps straight to the review from any step; the hint bar and F1 say so")
    func controlRJumpsToReview() throws {
        var driver = try WizardDriver.answered("generic-env")
        driver.send(.nextRequested)  // start -> version
        driver.press(.control("r"))
        #expect(driver.state.step == .version, "not before every step has been seen")
        #expect(!driver.screen().contains("^R review"))
        while driver.state.step != .review { driver.send(.nextRequested) }
        driver.send(.backRequested)
        driver.send(.backRequested)
        driver.go(to: .urls)
        let urls = driver.screen()
        #expect(urls.contains("^R review"), "\(urls)")
        driver.press(.function(1))
        #expect(driver.screen().contains("Shift-Tab previous field  Ctrl-L redraw  Ctrl-R to review"))
        driver.press(.escape, .control("r"))
        #expect(driver.state.step == .review)
    }

    @Test("at 60x18 a long help text scrolls with the arrows instead of being cut; other keys close it")
    func helpScrollsAt60x18() throws {
        var driver = try WizardDriver.answered("generic-env")
        driver.go(to: .initialClaim)
        driver.press(.tab, .function(1))  // the claim value's help: long
        let first = driver.screen(rows: 18, columns: 60)
        #expect(first.contains("↑↓ scroll"), "\(first)")
        driver.press(.pageDown, .pageDown)
        let later = driver.screen(rows: 18, columns: 60)
        #expect(later != first && later.contains("Help: Initial claim value"), "\(later)")
        #expect(later.contains("Env: ") || later.contains("Identity."), "the end of the help is reachable:\n\(later)")
        driver.press(.character("x"))
        #expect(!driver.state.showingHelp)
    }

    @Test("the review keeps the indentation of the YAML it shows, at 80x24 and 60x18")
    func reviewKeepsYAMLIndentation() throws {
        for (rows, columns) in [(24, 80), (18, 60)] {
            var driver = try WizardDriver.answered("entra-helm")
            driver.go(to: .review)
            var found = false
            for _ in 0..<300 where !found {
                let screen = driver.screen(rows: rows, columns: columns)
                found = screen.contains("\n   connectors:\n     env:\n       - name: OPERATE_CLIENT_SCOPE\n")
                driver.press(.down)
            }
            #expect(found, "\(columns)x\(rows): the YAML lost its indentation\n\(driver.screen(rows: rows, columns: columns))")
        }
    }

    @Test("the done screen keeps '-n <namespace>' on one line at 60x18")
    func doneKeepsNamespaceWhole() throws {
        var driver = try WizardDriver.answered("entra-helm")
        driver.state.step = .done
        driver.state.writeOutcome = .written(summary: [
            "Wrote 4 files:", "Next:", "  1. Register the applications: /srv/camunda/registration-checklist.md",
            "  2. kubectl apply -n <namespace> -f /srv/camunda/deployments/production/oidc-secret.yaml",
            "  3. helm upgrade --install <release> camunda/camunda-platform --version 10.x -n <namespace> -f values.yaml -f /srv/camunda/values-oidc.yaml",
        ])
        for (rows, columns) in [(24, 80), (18, 60)] {
            let screen = driver.screen(rows: rows, columns: columns)
            #expect(screen.components(separatedBy: "-n <namespace>").count == 3, "\(columns)x\(rows):\n\(screen)")
        }
    }

    @Test("at 60x18 every step's title fits, both providers, every component", arguments: ["entra-helm", "generic-env"])
    func titlesFitAt60x18(fixture: String) throws {
        let base = try WizardDriver.answered(fixture)
        for step in base.state.steps {
            var driver = base
            driver.go(to: step)
            let rows = driver.screen(rows: 18, columns: 60).components(separatedBy: "\n")
            #expect(!rows[0].contains("…") && !rows[1].contains("…"), "\(step): \(rows[1])")
        }
    }

    @Test func startAsksWhereTheExistingSetupIs() throws {
        var driver = WizardDriver()
        driver.press(.down, .tab)
        driver.type("./camunda-env")
        assertGolden(driver.screen(), named: "screens/reconfigure/start-load.txt")
        driver.press(.enter)
        #expect(driver.effects == [.loadSetup(path: "./camunda-env")])
    }

    @Test func changesStepShowsKeysAndSecretsOnlyAsChanged() throws {
        var driver = try WizardDriver.answered("entra-helm-inline")
        let old = try OutputRenderer().render(driver.state.config)
        driver.state.baseline = Dictionary(uniqueKeysWithValues: old.map { ($0.name, $0.contents) })
        driver.state.loadedFrom = "./values-oidc.yaml"
        driver.state.config.set(.clientSecret(.operate), "rotated-operate-secret-NOT-REAL")
        driver.state.config.set(.componentURL(.tasklist), "https://tasks.camunda.example.com")
        #expect(driver.state.steps.contains(.changes))
        driver.go(to: .changes)
        let screen = driver.screen()
        #expect(!screen.contains("NOT-REAL"))
        assertGolden(screen, named: "screens/reconfigure/changes.txt")
    }

    /// The done step wraps long indented lines without losing a word: the helm command must stay copyable.
    @Test(arguments: [(24, 80), (18, 60)])
    func doneStepWrapsTheNextCommandsWhole(rows: Int, columns: Int) throws {
        var driver = try WizardDriver.answered("entra-helm")
        let summary = [
            "Wrote 1 file:",
            "  v85/values-oidc.yaml (mode 0644), previous kept as v85/values-oidc.yaml.bak",
            "Next:",
            "  3. helm upgrade --install <release> camunda/camunda-platform --version 13.x -n <namespace> -f values.yaml -f v85/values-oidc.yaml",
        ]
        driver.send(.writeFinished(.written(summary: summary)))
        let screen = driver.screen(rows: rows, columns: columns)
        #expect(!screen.contains("…"))
        let words = screen.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for line in summary {
            #expect(words.contains(line.split(separator: " ").joined(separator: " ")), "\(line)")
        }
    }

    @Test func writeStepListsExistingFiles() throws {
        var driver = try WizardDriver.answered("generic-env")
        driver.existingFiles = ["operate.env"]
        driver.go(to: .write)
        assertGolden(driver.screen(), named: "screens/write-existing.txt")
    }

    @Test("a failed write is on screen at 80x24 and 60x18 with all 10 env-output files: the list scrolls, never the error")
    func writeErrorIsAlwaysVisible() throws {
        var driver = try WizardDriver.answered("generic-env")
        driver.state.config.connectorsMode = .inbound
        driver.go(to: .write)
        #expect(try driver.state.outputFiles().count == 10)
        driver.state.writeOutcome = .failed("./out/web-modeler-restapi.env: Permission denied")
        let error = "Error: nothing was written: ./out/web-modeler-restapi.env: Permission denied"
        let large = driver.screen()
        #expect(large.contains(error), "\(large)")
        assertGolden(large, named: "screens/errors/write-failed-10-files.txt")
        let small = driver.screen(rows: 18, columns: 60)
        #expect(small.contains(" Error: nothing was written: ./out/web-modeler-restapi.env:\n Permission denied\n"), "\(small)")
        assertGolden(small, named: "screens/errors/write-failed-10-files-60x18.txt")
        // The list scrolls under PgDn; the error stays.
        driver.press(.pageDown)
        let scrolled = driver.screen(rows: 18, columns: 60)
        #expect(scrolled.contains("camunda-oidc-answers.yaml") && !scrolled.contains("identity.env"), "\(scrolled)")
        #expect(scrolled.contains("Error: nothing was written:"))
    }

    @Test("the write step names the backup each file really gets, says which stay unchanged, and writes nothing when nothing changes")
    func writeStepNamesBackupsAndUnchangedFiles() throws {
        var driver = try WizardDriver.answered("generic-env")
        driver.go(to: .write)
        driver.send(.outputInspected(existing: ["operate.env", "tasklist.env"],
                                     fates: ["operate.env": .replaced(backup: "operate.env.bak.2"), "tasklist.env": .unchanged]))
        let screen = driver.screen()
        #expect(screen.contains("  operate.env                 0600   exists, old one kept as .bak.2\n"), "\(screen)")
        #expect(screen.contains("  tasklist.env                0600   unchanged, not rewritten\n"), "\(screen)")
        #expect(screen.contains("  identity.env                0600   new\n"))

        let names = try driver.state.outputFiles().map(\.name)
        driver.send(.outputInspected(existing: names, fates: Dictionary(uniqueKeysWithValues: names.map { ($0, ExistingFileFate.unchanged) })))
        #expect(driver.screen().contains("Nothing to write: every file already holds exactly this."))
        driver.press(.enter)
        #expect(driver.effects.isEmpty, "a write with nothing to change")
        #expect(driver.state.step == .write)
    }

    // MARK: The provider check

    /// The generic-env answers on the check step, entered from Review: a run has started.
    static func checking() throws -> WizardDriver {
        var driver = try WizardDriver.answered("generic-env")
        driver.state.config.set(.issuerBackendURL, "")  // the public issuer: https, no question first
        driver.go(to: .review)
        driver.state.acceptedWarnings = driver.state.currentWarnings
        driver.send(.nextRequested)
        #expect(driver.state.step == .providerCheck)
        #expect(driver.effects.contains { if case .runLiveCheck = $0 { return true } else { return false } })
        return driver
    }

    static let issuer = "https://idp.example.com/realms/camunda"

    static func answer(_ driver: inout WizardDriver, _ results: [CheckResult], finished: Bool) {
        let run = driver.state.liveCheck.run
        for result in results { driver.send(.liveCheckResult(run: run, result)) }
        if finished { driver.send(.liveCheckFinished(run: run)) }
    }

    static let someResults = [
        CheckResult(.discovery, .ok, subject: "provider", "discovery: issuer, token and JWKS URLs match"),
        CheckResult(.jwks, .ok, subject: "provider", "signing keys: 2 RSA keys at the JWKS URL"),
        CheckResult(.token("operate"), .fail, subject: "Operate",
                    "token refused: invalid_client (Invalid client credentials): Operate's client ID or secret is wrong",
                    field: .clientSecret(.operate)),
        CheckResult(.token("zeebe"), .ok, subject: "Zeebe",
                    "token for the Zeebe gateway (audience=camunda-zeebe-api): aud camunda-zeebe-api, iss matches, signed by key k1, valid for 59 min"),
    ]

    @Test func providerCheckLinesTurnFromPendingToResults() throws {
        var driver = try Self.checking()
        assertGolden(driver.screen(), named: "screens/provider-check/pending.txt")
        Self.answer(&driver, Self.someResults, finished: false)
        assertGolden(driver.screen(), named: "screens/provider-check/partial.txt")
        driver.press(.escape)
        #expect(driver.state.step == .providerCheck, "Esc cancels the run first")
        assertGolden(driver.screen(), named: "screens/provider-check/cancelled.txt")
    }

    @Test func providerCheckFailShowsWhereToFixIt() throws {
        var driver = try Self.checking()
        Self.answer(&driver, Self.someResults + [
            CheckResult(.token("identity"), .ok, subject: "Identity", "token for Identity (audience=camunda-identity-api): aud camunda-identity-api, iss matches, valid for 59 min"),
            CheckResult(.token("tasklist"), .warn, subject: "Tasklist", "iss is the backend issuer 'http://keycloak:18080/realms/camunda': Operate and Tasklist accept it, Identity and Web Modeler expect '\(Self.issuer)'", field: .issuer),
            CheckResult(.token("optimize"), .ok, subject: "Optimize", "token for Optimize (audience=camunda-optimize-api): aud camunda-optimize-api, iss matches, valid for 59 min"),
        ], finished: true)
        driver.press(.down, .down, .down)
        assertGolden(driver.screen(), named: "screens/provider-check/fail-selected.txt")
        assertGolden(driver.screen(rows: 18, columns: 60), named: "screens/provider-check/fail-selected-60x18.txt")
        driver.press(.enter)
        #expect(driver.state.step == .component(.operate))
        #expect(driver.state.focusedField == .clientSecret(.operate))
        assertGolden(driver.screen(), named: "screens/provider-check/jumped-to-field.txt")
    }

    @Test func providerCheckAsksBeforePlainHTTPAndWriteListsWhatIsOpen() throws {
        var driver = try WizardDriver.answered("generic-env")
        driver.state.config.set(.issuerBackendURL, "http://keycloak.identity.svc:8080/realms/camunda")
        driver.go(to: .review)
        driver.state.acceptedWarnings = driver.state.currentWarnings
        driver.send(.nextRequested)
        #expect(!driver.effects.contains { if case .runLiveCheck = $0 { return true } else { return false } })
        assertGolden(driver.screen(), named: "screens/provider-check/http-consent.txt")
        driver.press(.character("s"))
        #expect(driver.state.step == .preview)
        driver.press(.enter)
        #expect(driver.state.step == .write)
        assertGolden(driver.screen(), named: "screens/provider-check/write-after-skip.txt")
    }
}
