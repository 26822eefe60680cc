import Foundation
import Testing

/// `camunda-oidc verify` against a real OpenID provider (glewlwyd) and loopback listeners that
/// misbehave on purpose. The binary runs as a subprocess; secrets reach it through the environment.
@Suite(ProviderPeers.Scope())
struct VerifyCommandTests {
    static let secretsEnvironment = [
        "IDENTITY_SECRET": "identity-secret-NOT-REAL", "OPERATE_SECRET": "operate-secret-NOT-REAL", "ZEEBE_SECRET": "zeebe-secret-NOT-REAL",
    ]

    /// A generic env setup against `issuer`, its token and JWKS URLs glewlwyd's unless given.
    static func answers(issuer: String, tokenURL: String? = nil, jwksURL: String? = nil, zeebeClient: String = "zeebe-client",
                        discoveryIssuer: String? = nil) -> String {
        let base = discoveryIssuer ?? issuer
        return """
        version: 1
        camunda: "8.5"
        provider: generic
        output: env
        issuer: \(issuer)
        tokenUrl: \(tokenURL ?? base + "/token")
        jwksUrl: \(jwksURL ?? base + "/jwks")
        identityBaseUrl: http://identity:8084
        initialClaim: {name: sub, value: admin}
        components:
          identity: {url: https://identity.example.com, clientId: identity-client, audience: identity-api, secretEnv: IDENTITY_SECRET}
          operate: {url: https://operate.example.com, clientId: operate-client, audience: operate-api, secretEnv: OPERATE_SECRET}
          zeebe: {clientId: \(zeebeClient), audience: zeebe-api, tokenScope: zeebe-api, secretEnv: ZEEBE_SECRET}

        """
    }

    /// Runs verify on an answers file; every run is checked for leaked secrets.
    func verify(_ answers: String, _ arguments: [String], environment: [String: String] = [:]) throws -> CLI.Result {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.write("answers.yaml", answers)
        let result = try sandbox.run(["verify", "--answers", "answers.yaml"] + arguments,
                                     environment: Self.secretsEnvironment.merging(environment) { $1 })
        for secret in ProviderPeers.secrets + ["WRONG-secret-NOT-REAL"] {
            #expect(!result.stdout.contains(secret), "stdout shows a secret")
            #expect(!result.stderr.contains(secret), "stderr shows a secret")
        }
        return result
    }

    func lines(_ result: CLI.Result) -> [String] { result.stdout.split(separator: "\n").map(String.init) }

    @Test func everythingOkOverPlainHTTP() throws {
        let result = try verify(Self.answers(issuer: ProviderPeers.http.issuer), ["--only", "zeebe"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let out = lines(result)
        #expect(out.count == 4)
        #expect(out[0] == "ok    provider: discovery: issuer, token and JWKS URLs match")
        #expect(out[1] == "ok    provider: signing keys: 1 RSA key at the JWKS URL")
        #expect(out[2].hasPrefix("ok    Zeebe: token for the Zeebe gateway (audience=zeebe-api scope=zeebe-api): aud zeebe-api, iss matches, signed by key "))
        #expect(out[2].hasSuffix(", valid for 59 min") || out[2].hasSuffix(", valid for 60 min"))
        #expect(out[3] == "verify: 3 ok, 0 FAIL, 0 warn, 0 skip")
    }

    @Test func everythingOkOverTLSWithThePrivateCAAndUnknownCAWithout() throws {
        let answers = Self.answers(issuer: ProviderPeers.tls.issuer)
        let trusted = try verify(answers, ["--only", "zeebe", "--ca-file", ProviderPeers.tls.caFile!])
        #expect(trusted.status == 0, "\(trusted.stdout)\(trusted.stderr)")
        #expect(lines(trusted).last == "verify: 3 ok, 0 FAIL, 0 warn, 0 skip")
        let untrusted = try verify(answers, ["--only", "zeebe"])
        #expect(untrusted.status == 69)
        #expect(lines(untrusted).first == "FAIL  provider: TLS: 127.0.0.1's certificate is signed by an unknown CA: give the private CA with --ca-file PEM")
        #expect(lines(untrusted).last == "verify: 0 ok, 3 FAIL, 0 warn, 0 skip (the provider could not be reached)")
    }

    @Test func aProviderThatWantsAScopeRefusesWhatTheIdentitySDKSends() throws {
        let result = try verify(Self.answers(issuer: ProviderPeers.http.issuer), ["--only", "operate"])
        #expect(result.status == 1)
        #expect(lines(result) == [
            "ok    provider: discovery: issuer, token and JWKS URLs match",
            "ok    provider: signing keys: 1 RSA key at the JWKS URL",
            "FAIL  Operate: token refused with HTTP 403 and no reason: the client ID or secret is wrong, or the client may not use the client-credentials grant, or the provider wants a scope, which Operate does not send",
            "      asked with client ID operate-client, audience=operate-api",
            "      fix: components.operate.secret (Operate client secret)",
            "verify: 2 ok, 1 FAIL, 0 warn, 0 skip",
        ])
    }

    @Test func wrongSecretAndUnknownClient() throws {
        let wrong = try verify(Self.answers(issuer: ProviderPeers.http.issuer), ["--only", "zeebe"],
                               environment: ["ZEEBE_SECRET": "WRONG-secret-NOT-REAL"])
        #expect(wrong.status == 1)
        #expect(lines(wrong)[2] == "FAIL  Zeebe: token refused with HTTP 403 and no reason: the client ID or secret is wrong, or the client may not use the client-credentials grant")
        #expect(lines(wrong)[4] == "      fix: components.zeebe.secret (Zeebe client secret)")
        let unknown = try verify(Self.answers(issuer: ProviderPeers.http.issuer, zeebeClient: "nobody"), ["--only", "zeebe"])
        #expect(unknown.status == 1)
        #expect(lines(unknown)[3] == "      asked with client ID nobody, audience=zeebe-api scope=zeebe-api")
    }

    @Test func tokenURLDifferingFromDiscovery() throws {
        let issuer = ProviderPeers.http.issuer
        let result = try verify(Self.answers(issuer: issuer, tokenURL: issuer + "/token/"), ["--only", "zeebe"])
        #expect(result.status == 1)
        #expect(lines(result)[0] == "FAIL  provider: discovery: token URL differs: configured '\(issuer)/token/', the provider says '\(issuer)/token' (a trailing slash of difference); the components use the configured one")
        #expect(lines(result)[1] == "      fix: tokenUrl (Token URL)")
    }

    @Test func issuerDifferingByATrailingSlash() throws {
        let issuer = ProviderPeers.http.issuer
        let result = try verify(Self.answers(issuer: issuer + "/", discoveryIssuer: issuer), ["--only", "zeebe"])
        #expect(result.status == 1)
        let out = lines(result)
        #expect(out[0] == "FAIL  provider: discovery: issuer differs: configured '\(issuer)/', the provider says '\(issuer)' (a trailing slash of difference); the components use the configured one")
        #expect(out.contains { $0.hasPrefix("FAIL  Zeebe: iss differs: configured '\(issuer)/', the token says '\(issuer)' (a trailing slash of difference); the components refuse the token") })
    }

    @Test func unreachablePortIs69() throws {
        let issuer = "http://127.0.0.1:\(try freePort())/api/oidc"
        let result = try verify(Self.answers(issuer: issuer), [])
        #expect(result.status == 69)
        #expect(lines(result)[0].hasPrefix("FAIL  provider: connection refused by 127.0.0.1:"))
        #expect(lines(result).last == "verify: 0 ok, 5 FAIL, 0 warn, 0 skip (the provider could not be reached)")
    }

    @Test func aListenerThatNeverAnswersTimesOut() throws {
        let silent = try LoopbackListener()
        let issuer = "http://127.0.0.1:\(silent.port)/api/oidc"
        let started = Date()
        let result = try verify(Self.answers(issuer: issuer), ["--timeout", "1", "--only", "zeebe"])
        #expect(result.status == 69)
        #expect(lines(result)[0] == "FAIL  provider: no answer within 1 s from \(issuer)/.well-known/openid-configuration (a firewall dropping packets, or a proxy needed: HTTPS_PROXY)")
        // Discovery, then the JWKS and the token at once: about two timeouts, not one per request.
        #expect(Date().timeIntervalSince(started) < 8)
        withExtendedLifetime(silent) {}
    }

    @Test func aRedirectToAnotherHostIsNotFollowed() throws {
        let redirect = try LoopbackListener(respond: "HTTP/1.1 302 Found\r\nLocation: https://sso.other.example/login\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        let issuer = ProviderPeers.http.issuer
        let tokenURL = "http://127.0.0.1:\(redirect.port)/token"
        let result = try verify(Self.answers(issuer: issuer, tokenURL: tokenURL), ["--only", "zeebe"])
        #expect(result.status == 1)
        #expect(lines(result).contains("FAIL  Zeebe: token request: HTTP 302 redirect to another host, sso.other.example (not followed): the URL is wrong or a portal intercepts it"))
        withExtendedLifetime(redirect) {}
    }

    @Test func plainHTTPToAnotherMachineIsNotSentWithoutConsent() throws {
        let result = try verify(Self.answers(issuer: "http://idp.example.invalid/realms/camunda"), ["--only", "zeebe"])
        #expect(result.status == 1)
        #expect(lines(result)[0] == "FAIL  provider: not requested: plain http to idp.example.invalid would carry secrets unencrypted; use https, or --allow-http for an in-cluster URL")
    }

    @Test func jsonSaysWhatTextSays() throws {
        let answers = Self.answers(issuer: ProviderPeers.http.issuer)
        let text = try verify(answers, [])
        let json = try verify(answers, ["--format", "json"])
        #expect(text.status == 1)
        #expect(json.status == text.status)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let checks = object["checks"] as! [[String: Any]]
        let textLines = lines(text).filter { !$0.hasPrefix(" ") && !$0.hasPrefix("verify:") }
        #expect(checks.count == textLines.count)
        for (check, line) in zip(checks, textLines) {
            let status = check["status"] as! String
            let expected = status + String(repeating: " ", count: 6 - status.count) + "\(check["component"] as! String): \(check["message"] as! String)"
            // The signing key's ID and the minutes left may differ between the two runs.
            #expect(line.prefix(60) == expected.prefix(60))
        }
        #expect(checks.map { $0["status"] as! String } == ["ok", "ok", "FAIL", "FAIL", "ok"])
        #expect((object["summary"] as! [String: Int]) == ["ok": 3, "FAIL": 2, "warn": 0, "skip": 0])
    }

    @Test func usageAndInputErrors() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        #expect(try sandbox.run(["verify"]).status == 64)
        #expect(try sandbox.run(["verify", "--answers", "a.yaml", "--only", "nothing"]).status == 64)
        #expect(try sandbox.run(["verify", "--answers", "missing.yaml"]).status == 66)
        try sandbox.write("bad.yaml", Self.answers(issuer: "not a url"))
        #expect(try sandbox.run(["verify", "--answers", "bad.yaml"], environment: Self.secretsEnvironment).status == 65)
    }
}

/// The wizard's provider check in the real binary, against the real provider, in tmux.
extension VerifyCommandTests {
    @Test func theWizardChecksWithTheProviderAndJumpsToAFailingField() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("camunda-oidc-wizard-check-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let answers = directory.appendingPathComponent("camunda-oidc-answers.yaml")
        try Data(Self.answers(issuer: ProviderPeers.http.issuer).utf8).write(to: answers)
        let tmux = try TmuxSession(arguments: ["--from", answers.path], environment: Self.secretsEnvironment)
        defer { tmux.close() }
        try ReconfigureEndToEndTests.enterUntil("Check with your provider", in: tmux)
        let done = try tmux.waitFor("Done: ", timeout: 30)
        #expect(done.contains("ok    provider: discovery: issuer, token and JWKS URLs match"))
        #expect(done.contains("FAIL  Operate: token refused with HTTP 403 and no reason"))
        #expect(done.contains("ok    Zeebe: token for the Zeebe gateway (audience=zeebe-api scope=zeebe-a"))
        #expect(!done.contains("NOT-REAL"))
        // Down to Operate's line (discovery, keys, Identity, Operate), Enter: its secret field.
        try tmux.press("Down", "Down", "Down")
        try tmux.waitFor("Enter: go to Operate client secret")
        try tmux.press("Enter")
        try tmux.waitFor("Operate application", "Fix Operate client secret; coming back, the provider check runs again.")
        try tmux.press("C-c")
        try tmux.press("y")
        let ending = try tmux.waitForEnding()
        #expect(ending.status == 130)
        #expect(ending.terminalIsSane)
        #expect(!ending.history.contains("NOT-REAL"))
    }
}
