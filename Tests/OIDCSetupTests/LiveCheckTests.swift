import Foundation
import OIDCSetup
import TestSupport
import Testing

/// The live check's pure part: which requests, how they are judged, how results read.
@Suite struct LiveCheckTests {
    static let now = 1_800_000_000.0

    // MARK: The table

    @Test func genericRequestsFollowWhatEachComponentSends() {
        let plan = LiveCheckPlan(config: SampleConfiguration.generic())
        let asked = plan.tokenRequests.map { "\($0.application) [\($0.clientID)] \($0.asked) -> \($0.receiver) checks \($0.expectedAudience)" }
        #expect(asked == [
            "Identity [camunda-identity] audience=camunda-identity-api -> Identity checks camunda-identity-api",
            "Operate [camunda-operate] audience=camunda-operate-api -> Operate checks camunda-operate-api",
            "Tasklist [camunda-tasklist] audience=camunda-tasklist-api -> Tasklist checks camunda-tasklist-api",
            "Optimize [camunda-optimize] audience=camunda-optimize-api -> Optimize checks camunda-optimize-api",
            "Zeebe [camunda-zeebe] audience=camunda-zeebe-api -> the Zeebe gateway checks camunda-zeebe-api",
            "Connectors [camunda-connectors] audience=camunda-operate-api -> Operate checks camunda-operate-api",
        ])
        #expect(plan.skipped.map(LiveCheckReport.line) == [
            "skip  Web Modeler: a public client (single-page app): its tokens need a browser sign-in; by hand: open Web Modeler and sign in; a redirect URI error names the URI to register",
        ])
        #expect(plan.secrets.count == 6)
    }

    @Test func entraAsksWithDotDefaultScopes() {
        let plan = LiveCheckPlan(config: SampleConfiguration.entra())
        let operateID = SampleConfiguration.entraClientID(1)
        let zeebeID = SampleConfiguration.entraClientID(4)
        let byApp = Dictionary(uniqueKeysWithValues: plan.tokenRequests.map { ($0.application, $0.asked) })
        #expect(byApp["Operate"] == "scope=\(operateID)/.default")
        #expect(byApp["Zeebe"] == "audience=\(zeebeID) scope=\(zeebeID)/.default")
        #expect(byApp["Connectors"] == "scope=\(operateID)/.default")
        #expect(plan.tokenRequests.first { $0.application == "Zeebe" }?.audienceField == .zeebeTokenScope)
    }

    @Test func onlyOutboundConnectorsAndMissingSecretsAreSkippedWithAReason() {
        var config = SampleConfiguration.generic()
        config.connectorsMode = .outbound
        config.values[.clientSecret(.optimize)] = nil
        let plan = LiveCheckPlan(config: config, options: LiveCheckOptions(only: [.optimize, .connectors, .zeebe]))
        #expect(plan.tokenRequests.map(\.application) == ["Zeebe"])
        #expect(plan.skipped.map(\.subject) == ["Optimize", "Connectors"])
        #expect(plan.skipped.allSatisfy { $0.status == .skip })
        #expect(plan.checkIDs == [.discovery, .jwks, .token("optimize"), .token("zeebe"), .token("connectors")])
    }

    @Test func plainHTTPLeavingTheMachineIsRefusedUnlessAllowed() {
        var config = SampleConfiguration.generic()
        config.values[.issuerBackendURL] = "http://keycloak.identity.svc:8080/realms/camunda"
        config.values[.tokenURL] = "http://127.0.0.1:8080/token"
        let plan = LiveCheckPlan(config: config)
        #expect(plan.plainHTTPHosts == ["keycloak.identity.svc"])
        #expect(plan.refusal(for: config.value(.issuerBackendURL)) == .plainHTTPRefused(host: "keycloak.identity.svc"))
        #expect(plan.refusal(for: "http://127.0.0.1:8080/token") == nil)
        #expect(LiveCheckPlan(config: config, options: LiveCheckOptions(allowHTTP: true)).refusal(for: config.value(.issuerBackendURL)) == nil)
    }

    // MARK: Entra's errors, from recorded bodies (fake values)

    static func entraRequest(_ component: Component = .operate) -> (LiveCheckJudge, PlannedTokenRequest) {
        let plan = LiveCheckPlan(config: SampleConfiguration.entra())
        return (LiveCheckJudge(plan: plan), plan.tokenRequests.first { $0.component == component }!)
    }

    static func body(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Golden.fixtures.appendingPathComponent("provider-errors/\(name).json")))
    }

    @Test(arguments: [
        ("entra-7000215", 401, "token refused: AADSTS7000215, wrong secret for Operate's app: often the secret's ID was pasted instead of its Value", FieldID.clientSecret(.operate)),
        ("entra-7000222", 401, "token refused: AADSTS7000222, Operate's client secret has expired: create a new one under Certificates & secrets", .clientSecret(.operate)),
        ("entra-700016", 400, "token refused: AADSTS700016, no application 00000000-0000-0000-0000-00000000000b in this tenant: check Operate's client ID, or the tenant ID", .clientID(.operate)),
        ("entra-90002", 400, "token refused: AADSTS90002, no such tenant 11111111-2222-3333-4444-555555555555: check the tenant ID", .tenantID),
        ("entra-500011", 400, "token refused: AADSTS500011, the resource in scope=00000000-0000-0000-0000-00000000000b/.default is not found in this tenant: the audience names no application that exposes it", .audience(.operate)),
        ("entra-70011", 400, "token refused: AADSTS70011, the scope in scope=00000000-0000-0000-0000-00000000000b/.default is not valid: it must be <application ID>/.default of an app in this tenant", .audience(.operate)),
    ])
    func entraErrorsInWords(name: String, status: Int, message: String, field: FieldID) throws {
        let (judge, request) = Self.entraRequest()
        let reply = HTTPReply(status: status, contentType: "application/json; charset=utf-8", body: try Self.body(name))
        guard case .verdict(let result) = judge.tokenResponse(request, .reply(reply)) else {
            Issue.record("an error body gave a token")
            return
        }
        #expect(result.status == .fail)
        #expect(result.message == message)
        #expect(result.field == field)
        // Trace and correlation IDs stay out of the line; the secret never gets in.
        #expect(!result.message.contains("Trace ID"))
        #expect(!LiveCheckReport(results: [result], secrets: [request.secret.value]).text().contains(request.secret.value))
    }

    @Test func genericOAuthErrorsAndEmptyRefusals() {
        let plan = LiveCheckPlan(config: SampleConfiguration.generic())
        let judge = LiveCheckJudge(plan: plan)
        let zeebe = plan.tokenRequests.first { $0.component == .zeebe }!
        func verdict(_ reply: HTTPReply) -> CheckResult? {
            if case .verdict(let result) = judge.tokenResponse(zeebe, .reply(reply)) { return result }
            return nil
        }
        func json(_ text: String, _ status: Int = 400) -> HTTPReply { HTTPReply(status: status, contentType: "application/json", body: Array(text.utf8)) }
        #expect(verdict(json(#"{"error":"invalid_client","error_description":"Invalid client credentials"}"#, 401))?.message
                == "token refused: invalid_client (Invalid client credentials): Zeebe's client ID or secret is wrong")
        #expect(verdict(json(#"{"error":"unauthorized_client"}"#))?.field == .clientID(.zeebe))
        #expect(verdict(json(#"{"error":"unauthorized_client"}"#))?.message
                == "token refused: unauthorized_client: the client-credentials grant (or the service account) is not enabled for client camunda-zeebe")
        #expect(verdict(json(#"{"error":"invalid_scope"}"#))?.field == .audience(.zeebe))
        let empty = verdict(HTTPReply(status: 403))
        #expect(empty?.message == "token refused with HTTP 403 and no reason: the client ID or secret is wrong, or the client may not use the client-credentials grant, or the provider wants a scope, which Zeebe does not send")
        #expect(empty?.field == .clientSecret(.zeebe))
        let html = verdict(HTTPReply(status: 200, contentType: "text/html", body: Array("<!DOCTYPE html><html>Sign in</html>".utf8)))
        #expect(html?.message == "token request: HTTP 200 with an HTML page where JSON was expected: the URL is wrong (a login page or portal)")
        #expect(html?.field == .tokenURL)
        let redirect = verdict(HTTPReply(status: 302, location: "https://sso.other.example/login"))
        #expect(redirect?.message == "token request: HTTP 302 redirect to another host, sso.other.example (not followed): the URL is wrong or a portal intercepts it")
    }

    // MARK: Discovery and claims

    @Test func discoveryNamesBothValuesOfADifference() {
        var config = SampleConfiguration.generic()
        config.values[.issuer] = "https://idp.example.com/realms/camunda/"
        let judge = LiveCheckJudge(plan: LiveCheckPlan(config: config))
        let document = #"{"issuer":"https://idp.example.com/realms/camunda","token_endpoint":"https://idp.example.com/realms/camunda/protocol/openid-connect/token","jwks_uri":"https://idp.example.com/other/certs"}"#
        let (result, _) = judge.discovery(.reply(HTTPReply(status: 200, body: Array(document.utf8))), url: "u", backend: false)
        #expect(result.status == .fail)
        #expect(result.message == "discovery: issuer differs: configured 'https://idp.example.com/realms/camunda/', the provider says 'https://idp.example.com/realms/camunda' (a trailing slash of difference); the components use the configured one")
        #expect(result.field == .issuer)
        #expect(result.details == ["JWKS URL differs: configured 'https://idp.example.com/realms/camunda/protocol/openid-connect/certs', the provider says 'https://idp.example.com/other/certs'; the components use the configured one"])
    }

    @Test func claimsAreJudgedAsTheReceiverJudgesThem() {
        let plan = LiveCheckPlan(config: SampleConfiguration.entra())
        let judge = LiveCheckJudge(plan: plan)
        let operate = plan.tokenRequests.first { $0.component == .operate }!
        var claims = TokenClaims(issuer: plan.issuer, audiences: [operate.expectedAudience], expires: Self.now + 3600, version: "2.0",
                                 tenant: plan.tenantID)
        let ok = judge.claims(operate, claims, signature: .valid(keyID: "k1"), now: Self.now)
        #expect(ok.status == .ok)
        #expect(ok.message == "token for Operate (scope=\(operate.expectedAudience)/.default): aud \(operate.expectedAudience), iss matches, signed by key k1, valid for 60 min")
        claims.version = "1.0"
        claims.issuer = "https://sts.windows.net/\(plan.tenantID)/"
        let v1 = judge.claims(operate, claims, signature: .valid(keyID: "k1"), now: Self.now)
        #expect(v1.status == .fail)
        #expect(v1.message == "a v1.0 token: set requestedAccessTokenVersion: 2 in the manifest of the app behind \(operate.expectedAudience)")
        #expect(v1.details.count == 1)
        claims = TokenClaims(issuer: plan.issuer, audiences: ["something-else"], expires: Self.now - 10, version: "2.0")
        let bad = judge.claims(operate, claims, signature: .unknownKey("k9"), now: Self.now)
        #expect(bad.message == "the token is signed with key k9, which the JWKS URL does not hold")
        #expect(bad.details == [
            "aud something-else; Operate accepts only tokens for \(operate.expectedAudience)",
            "the token expired 10 s ago (the bastion's clock, or the provider's)",
        ])
    }

    // MARK: Rendering

    @Test func jsonCarriesWhatTheTextSays() throws {
        let results = [
            CheckResult(.discovery, .ok, subject: "provider", "discovery: issuer, token and JWKS URLs match"),
            CheckResult(.token("operate"), .fail, subject: "Operate", "token refused: \"quoted\"\tand tabbed", field: .clientSecret(.operate),
                        details: ["asked with client ID x"]),
            CheckResult(.manual(.webModeler), .skip, subject: "Web Modeler", "by hand"),
        ]
        let report = LiveCheckReport(results: results)
        #expect(report.exitStatus == 1)
        let text = report.text()
        #expect(text == """
            ok    provider: discovery: issuer, token and JWKS URLs match
            FAIL  Operate: token refused: "quoted"\tand tabbed
                  asked with client ID x
                  fix: components.operate.secret (\(FieldCatalog.field(.clientSecret(.operate)).label))
            skip  Web Modeler: by hand
            verify: 1 ok, 1 FAIL, 0 warn, 1 skip

            """)
        let json = try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as! [String: Any]
        let checks = json["checks"] as! [[String: Any]]
        let lines = text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix(" ") && !$0.hasPrefix("verify:") }
        #expect(checks.count == lines.count)
        for (check, line) in zip(checks, lines) {
            let status = check["status"] as! String
            #expect(line == status + String(repeating: " ", count: 6 - status.count) + "\(check["component"] as! String): \(check["message"] as! String)")
        }
        #expect(checks[1]["field"] as? String == "components.operate.secret")
        #expect(json["exitStatus"] as? Int == 1)
    }

    @Test func unreachableEverywhereIs69AndSecretsAreMasked() {
        let refused = CheckResult(.discovery, .fail, subject: "provider", "connection refused", unreachable: true)
        #expect(LiveCheckReport(results: [refused, CheckResult(.manual(.webModeler), .skip, subject: "Web Modeler", "x")]).exitStatus == 69)
        let echoed = CheckResult(.token("zeebe"), .fail, subject: "Zeebe", "provider said: bad secret s3cr3t-NOT-REAL")
        let report = LiveCheckReport(results: [echoed], secrets: ["s3cr3t-NOT-REAL"])
        #expect(report.exitStatus == 1)
        #expect(!report.text().contains("s3cr3t-NOT-REAL"))
        #expect(!report.json().contains("s3cr3t-NOT-REAL"))
        #expect("\(SecretValue("s3cr3t-NOT-REAL"))" == "<secret>")
    }
}

/// The table per Camunda version: 8.6 and 8.7 request as 8.5 does; their public clients are skipped.
@Suite struct LiveCheckVersionTests {
    @Test(arguments: [CamundaVersion.v8_6, .v8_7])
    func laterVersionsRequestTheSameAndSkipTheirPublicClients(version: CamundaVersion) {
        var config = SampleConfiguration.generic()
        let base = LiveCheckPlan(config: config)
        config.version = version
        config.selectedComponents.insert(.console)
        let plan = LiveCheckPlan(config: config)
        #expect(plan.tokenRequests == base.tokenRequests)
        #expect(plan.skipped.map(\.subject) == ["Web Modeler", "Console"])
        #expect(plan.skipped.allSatisfy { $0.status == .skip && $0.message.contains("by hand") })
        if version == .v8_7 {
            #expect(plan.skipped[0].message.hasPrefix("the UI app is a public client (browser sign-in) and the API app's secret is not among these answers"))
        }
    }
}

/// 8.8/8.9: the Orchestration-cluster model's confidential applications.
@Suite struct LiveCheckOrchestrationTests {
    func plan(_ fixture: String) throws -> LiveCheckPlan {
        LiveCheckPlan(config: try AnswersFixture.answers(fixture).configuration)
    }

    @Test(arguments: ["8.8-generic-env", "8.9-generic-env", "8.8-entra-env", "8.9-entra-helm"])
    func identityOptimizeClusterAndConnectors(fixture: String) throws {
        let plan = try plan(fixture)
        let config = try AnswersFixture.answers(fixture).configuration
        let ocAudience = config.value(.audience(.orchestration))
        let expected = [Component.identity, .optimize, .orchestration, .connectors].filter(config.isSelected)
        #expect(plan.tokenRequests.map(\.component) == expected)
        if config.value(.issuer).isEmpty {
            #expect(plan.skipped.first?.id == .discovery, "no issuer: discovery is skipped, not a bad URL")
        }
        let cluster = try #require(plan.tokenRequests.first { $0.component == .orchestration })
        #expect(cluster.expectedAudience == ocAudience)
        #expect(cluster.asked == (config.provider == .microsoft ? "scope=\(ocAudience)/.default" : "audience=\(ocAudience)"))
        if let connectors = plan.tokenRequests.first(where: { $0.component == .connectors }) {
            let shares = config.value(.connectorsUseOrchestrationApp) == "true"
            #expect(connectors.clientID == config.value(.clientID(shares ? .orchestration : .connectors)))
            #expect(connectors.expectedAudience == ocAudience)
            #expect(connectors.parameters.first?.value == ocAudience)
            #expect(connectors.receiver == "the Orchestration cluster")
        }
        #expect(plan.skipped.allSatisfy { $0.status == .skip })
    }
}
