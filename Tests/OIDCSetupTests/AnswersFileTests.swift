import OIDCSetup
import Testing

/// The answers file: what it accepts, what it refuses (with the line), and the round trip.
@Suite struct AnswersFileTests {
    /// A minimal valid generic answers file; tests splice lines into it.
    static let minimal = """
        version: 1
        camunda: "8.5"
        provider: generic
        output: helm
        issuer: https://idp.example.com
        tokenUrl: https://idp.example.com/token
        jwksUrl: https://idp.example.com/keys
        initialClaim:
          value: admin
        components:
          identity:
            url: https://identity.example.com
            clientId: camunda-identity
            audience: camunda-identity
            secret: fake-identity-secret
          zeebe:
            clientId: camunda-zeebe
            audience: camunda-zeebe
            secretEnv: ZEEBE_SECRET

        """

    /// The problems of a file that must not parse, as `line N: path: message`.
    static func problems(_ text: String) -> [String] {
        do {
            _ = try AnswersFile.parse(text)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    static func replacing(_ old: String, with new: String) -> String {
        precondition(minimal.contains(old), "the minimal file has no '\(old)'")
        return minimal.replacingOccurrences(of: old, with: new)
    }

    static let topLevelKeys = "version, camunda, provider, output, tenantId, authorityHost, issuer, issuerBackendUrl, authUrl, tokenUrl, jwksUrl, identityBaseUrl, helmSecrets, kubernetesSecretName, initialClaim, components"

    @Test("the minimal file parses into its configuration")
    func minimalParses() throws {
        let answers = try AnswersFile.parse(Self.minimal)
        let config = answers.configuration
        #expect(config.provider == .generic)
        #expect(config.output == .helm)
        #expect(config.helmSecrets == .kubernetesSecret)
        #expect(config.selectedComponents == [.identity, .zeebe])
        #expect(config.value(.issuer) == "https://idp.example.com")
        #expect(config.value(.issuerBackendURL) == "https://idp.example.com")
        #expect(config.value(.initialClaimName) == "oid")
        #expect(config.value(.initialClaimValue) == "admin")
        #expect(config.value(.clientSecret(.identity)) == "fake-identity-secret")
        #expect(config.value(.clientSecret(.zeebe)) == "")
        #expect(answers.secretReferences == [.identity: .literal("fake-identity-secret"), .zeebe: .environment("ZEEBE_SECRET")])
        #expect(answers.notes == [])
    }

    @Test("every fixture parses")
    func fixturesParse() throws {
        for name in AnswersFixture.all {
            let answers = try AnswersFixture.answers(name)
            // Identity up to 8.7; from 8.8 the Orchestration cluster is the one always there.
            #expect(answers.configuration.isSelected(answers.configuration.version <= .v8_7 ? .identity : .orchestration), "\(name)")
        }
    }

    @Test("secretFile is kept as a reference; the core does not read it")
    func secretFileReference() throws {
        let answers = try AnswersFile.parse(Self.replacing("secretEnv: ZEEBE_SECRET", with: "secretFile: ./zeebe.secret"))
        #expect(answers.secretReferences[.zeebe] == .file("./zeebe.secret"))
    }

    // MARK: Unknown keys

    @Test("an unknown top-level key is an error with its line")
    func unknownTopLevelKey() {
        #expect(Self.problems(Self.replacing("tokenUrl:", with: "tokenURL:"))
            == ["line 6: tokenURL: unknown key 'tokenURL' (expected one of: \(Self.topLevelKeys))"])
    }

    @Test("an unknown component key is an error with its line, listing that component's keys")
    func unknownComponentKey() {
        #expect(Self.problems(Self.replacing("    audience: camunda-zeebe", with: "    audience: camunda-zeebe\n    scope: x"))
            == ["line 19: components.zeebe.scope: unknown key 'scope' (expected one of: clientId, audience, tokenScope, secret, secretEnv, secretFile)"])
    }

    @Test("keys of another component are unknown: Web Modeler has no secret and no single audience")
    func webModelerKeys() {
        let text = Self.minimal + "  webModeler:\n    url: https://modeler.example.com\n    clientId: m\n    audience: a\n    secret: s\n"
        #expect(Self.problems(text) == [
            "line 23: components.webModeler.audience: unknown key 'audience' (expected one of: url, clientId, clientApiAudience, publicApiAudience)",
            "line 24: components.webModeler.secret: unknown key 'secret' (expected one of: url, clientId, clientApiAudience, publicApiAudience)",
        ])
    }

    @Test("an unknown component is an error with its line")
    func unknownComponent() {
        #expect(Self.problems(Self.minimal + "  modeler:\n    clientId: m\n")
            == ["line 20: components.modeler: unknown key 'modeler' (expected one of: identity, operate, tasklist, optimize, zeebe, webModeler, connectors)"])
    }

    @Test("an unknown initialClaim key is an error with its line")
    func unknownClaimKey() {
        #expect(Self.problems(Self.replacing("  value: admin", with: "  value: admin\n  claim: oid"))
            == ["line 10: initialClaim.claim: unknown key 'claim' (expected one of: name, value)"])
    }

    @Test("all problems are reported, not only the first")
    func everyProblem() {
        let text = Self.replacing("issuer:", with: "isuer:").replacingOccurrences(of: "    clientId: camunda-zeebe", with: "    client_id: camunda-zeebe")
        #expect(Self.problems(text) == [
            "line 5: isuer: unknown key 'isuer' (expected one of: \(Self.topLevelKeys))",
            "line 17: components.zeebe.client_id: unknown key 'client_id' (expected one of: clientId, audience, tokenScope, secret, secretEnv, secretFile)",
        ])
    }

    // MARK: Duplicates, types, choices

    @Test("a key given twice is an error with the line of its first use")
    func duplicateKeys() {
        #expect(Self.problems(Self.replacing("output: helm", with: "output: helm\noutput: env"))
            == ["line 4: not valid YAML: 'output' given more than once in one mapping: give each key once"])
        #expect(Self.problems(Self.replacing("    clientId: camunda-identity", with: "    clientId: camunda-identity\n    clientId: other"))
            == ["line 13: not valid YAML: 'clientId' given more than once in one mapping: give each key once"])
    }

    @Test("a list or mapping where a value belongs, and a value where a mapping belongs, are errors")
    func wrongTypes() {
        #expect(Self.problems(Self.replacing("issuer: https://idp.example.com", with: "issuer: [https://idp.example.com]"))
            == ["line 5: issuer: expected a single value, not a list"])
        #expect(Self.problems(Self.replacing("    clientId: camunda-identity", with: "    clientId: {id: camunda-identity}"))
            == ["line 13: components.identity.clientId: expected a single value, not a mapping"])
        #expect(Self.problems(Self.replacing("initialClaim:\n  value: admin", with: "initialClaim: admin"))
            == ["line 8: initialClaim: expected a mapping (key: value lines)"])
        #expect(Self.problems(Self.replacing("  zeebe:\n    clientId: camunda-zeebe\n    audience: camunda-zeebe\n    secretEnv: ZEEBE_SECRET\n", with: "  zeebe: yes\n"))
            == ["line 16: components.zeebe: expected a mapping of clientId, secret, ..."])
        #expect(Self.problems("- version: 1\n") == ["line 1: expected a mapping (key: value lines)"])
    }

    @Test("a component given with no body is selected with nothing answered (validation then asks)")
    func emptyComponent() throws {
        let answers = try AnswersFile.parse(Self.minimal + "  optimize:\n")
        #expect(answers.configuration.selectedComponents == [.identity, .zeebe, .optimize])
        #expect(answers.configuration.value(.clientID(.optimize)) == "")
    }

    @Test("a value outside its choices is an error naming the choices", arguments: [
        ("provider: generic", "provider: azure", "line 3: provider: 'azure' is not one of: generic, microsoft"),
        ("provider: generic", "provider: Generic", "line 3: provider: 'Generic' is not one of: generic, microsoft"),
        ("output: helm", "output: yaml", "line 4: output: 'yaml' is not one of: env, helm"),
        ("output: helm", "output: helm\nhelmSecrets: secret", "line 5: helmSecrets: 'secret' is not one of: kubernetesSecret, inline"),
        ("version: 1", "version: 2", "line 1: version: must be 1 (the only answers format so far)"),
        ("camunda: \"8.5\"", "camunda: \"9.0\"", "line 2: camunda: '9.0' is not a known Camunda version: give one of 8.5, 8.6, 8.7, 8.8, 8.9"),
    ])
    func badChoice(old: String, new: String, message: String) {
        #expect(Self.problems(Self.replacing(old, with: new)) == [message])
    }

    @Test("a bad Connectors mode is an error")
    func badConnectorsMode() {
        let text = Self.minimal + "  connectors:\n    clientId: c\n    secret: s\n    mode: both\n"
        #expect(Self.problems(text) == ["line 23: components.connectors.mode: 'both' is not one of: inbound, outbound"])
    }

    @Test("two forms of one secret are an error")
    func twoSecretForms() {
        #expect(Self.problems(Self.replacing("    secretEnv: ZEEBE_SECRET", with: "    secretEnv: ZEEBE_SECRET\n    secretFile: zeebe.secret"))
            == ["line 17: components.zeebe.secret: give one of secret, secretEnv, secretFile (found secretEnv and secretFile)"])
    }

    @Test("an empty secret form is an error")
    func emptySecretForm() {
        #expect(Self.problems(Self.replacing("    secretEnv: ZEEBE_SECRET", with: "    secretEnv:")) == ["line 19: components.zeebe.secretEnv: is empty"])
    }

    // MARK: Missing parts, bad YAML

    @Test("missing version, provider, output and components are each reported")
    func missingParts() {
        #expect(Self.problems("camunda: \"8.5\"\n") == [
            "version: missing: add 'version: 1'",
            "provider: missing: generic or microsoft",
            "output: missing: env or helm",
            "components: missing: list the components you deploy (identity, operate, ...)",
        ])
    }

    @Test("an empty file says what it should hold")
    func emptyFile() {
        let expected = ["empty: expected a mapping with version, provider, output, components, ..."]
        #expect(Self.problems("") == expected)
        #expect(Self.problems("# only a comment\n") == expected)
    }

    @Test("invalid YAML is one problem with its line")
    func invalidYAML() throws {
        let failure = #expect(throws: AnswersParseFailure.self) {
            try AnswersFile.parse(Self.replacing("provider: generic", with: "provider: [generic"))
        }
        let problem = try #require(failure?.problems.first)
        #expect(failure?.problems.count == 1)
        #expect(problem.path == "")
        #expect(problem.message.hasPrefix("not valid YAML: "))
        #expect(problem.line != nil)
        #expect(Self.problems("provider: \"unclosed\n").first?.hasPrefix("line ") == true)
    }

    // MARK: Values

    @Test("YAML scalars are taken as text: numbers, booleans and quoted values stay exactly as written")
    func scalarsAreText() throws {
        let text = Self.replacing("  value: admin", with: "  value: 0123")
            .replacingOccurrences(of: "    audience: camunda-identity", with: "    audience: yes")
            .replacingOccurrences(of: "secret: fake-identity-secret", with: "secret: \"  1e3 \\\" 'x' \"")
        let config = try AnswersFile.parse(text).configuration
        #expect(config.value(.initialClaimValue) == "0123")
        #expect(config.value(.audience(.identity)) == "yes")
        #expect(config.value(.clientSecret(.identity)) == "1e3 \" 'x'")
    }

    @Test("surrounding whitespace is trimmed, with a note per field")
    func whitespaceTrimmed() throws {
        let text = Self.replacing("secret: fake-identity-secret", with: "secret: \" fake-identity-secret\\t\"")
            .replacingOccurrences(of: "  value: admin", with: "  value: \"admin \"")
        let answers = try AnswersFile.parse(text)
        #expect(answers.configuration.value(.clientSecret(.identity)) == "fake-identity-secret")
        #expect(answers.secretReferences[.identity] == .literal("fake-identity-secret"))
        #expect(answers.configuration.value(.initialClaimValue) == "admin")
        #expect(answers.notes == ["initialClaim.value: surrounding whitespace trimmed", "components.identity.secret: surrounding whitespace trimmed"])
    }

    @Test("keys that do not apply are accepted with a note saying they are ignored")
    func inapplicableKeysNoted() throws {
        let helm = try AnswersFile.parse(Self.replacing("output: helm", with: "output: helm\ntenantId: 11111111-2222-3333-4444-555555555555\nidentityBaseUrl: http://identity:8084"))
        #expect(helm.notes == [
            "tenantId: ignored, not used with provider generic",
            "identityBaseUrl: ignored, not used with output helm (the chart computes it)",
        ])
        let env = try AnswersFile.parse(Self.replacing("output: helm", with: "output: env\nidentityBaseUrl: http://identity:8084\nkubernetesSecretName: x"))
        #expect(env.notes == ["kubernetesSecretName: ignored, not used with output env"])
        let entra = try AnswersFile.parse(Self.replacing("provider: generic", with: "provider: microsoft\ntenantId: 11111111-2222-3333-4444-555555555555"))
        #expect(entra.notes == [
            "issuer: ignored, derived from tenantId with provider microsoft",
            "tokenUrl: ignored, derived from tenantId with provider microsoft",
            "jwksUrl: ignored, derived from tenantId with provider microsoft",
        ])
        let inline = try AnswersFile.parse(Self.replacing("output: helm", with: "output: helm\nhelmSecrets: inline\nkubernetesSecretName: x"))
        #expect(inline.notes == ["kubernetesSecretName: ignored, not used with helmSecrets inline"])
    }

    // MARK: Round trip

    @Test("render then parse gives back the same answers for every fixture", arguments: AnswersFixture.all)
    func roundTripFixtures(set: String) throws {
        let original = try AnswersFixture.answers(set)
        let rendered = AnswersFile.render(original.configuration, secrets: original.secretReferences)
        let reparsed = try AnswersFile.parse(rendered)
        Self.expectSameEffectiveAnswers(original, reparsed)
        #expect(reparsed.notes == [])
        #expect(AnswersFile.render(reparsed.configuration, secrets: reparsed.secretReferences) == rendered)
    }

    @Test("render writes secret references as given, and names an environment variable when none is given")
    func renderSecretReferences() throws {
        var config = SampleConfiguration.generic()
        config.selectedComponents = [.identity, .operate, .tasklist, .zeebe]
        let rendered = AnswersFile.render(config, secrets: [
            .identity: .literal("fake \"secret\" $x"), .operate: .environment("OPERATE_SECRET"), .tasklist: .file("./tasklist.secret"),
        ])
        #expect(rendered.contains("\n    secret: \"fake \\\"secret\\\" $x\"\n"))
        #expect(rendered.contains("\n    secretEnv: \"OPERATE_SECRET\"\n"))
        #expect(rendered.contains("\n    secretFile: \"./tasklist.secret\"\n"))
        #expect(rendered.contains("\n    secretEnv: \"CAMUNDA_OIDC_ZEEBE_SECRET\"\n"))
        #expect(!rendered.contains("fake-zeebe-secret"))
        let reparsed = try AnswersFile.parse(rendered)
        #expect(reparsed.secretReferences == [
            .identity: .literal("fake \"secret\" $x"), .operate: .environment("OPERATE_SECRET"),
            .tasklist: .file("./tasklist.secret"), .zeebe: .environment("CAMUNDA_OIDC_ZEEBE_SECRET"),
        ])
    }

    @Test("adversarial values survive render then parse exactly", arguments: AdversarialValues.all)
    func roundTripAdversarial(value: String) throws {
        var config = SampleConfiguration.generic(output: .helm)
        config.set(.initialClaimValue, value)
        config.set(.audience(.operate), value)
        config.set(.clientSecret(.identity), value)
        let reparsed = try AnswersFile.parse(AnswersFile.render(config, secrets: [.identity: .literal(value)]))
        #expect(reparsed.configuration.value(.initialClaimValue) == value)
        #expect(reparsed.configuration.value(.audience(.operate)) == value)
        #expect(reparsed.secretReferences[.identity] == .literal(value))
        #expect(reparsed.configuration.value(.clientSecret(.identity)) == value)
    }

    @Test("a Configuration built in code round-trips, every version, both providers and formats", arguments: CamundaVersion.allCases.flatMap { v in [
        SampleConfiguration.generic(version: v), SampleConfiguration.generic(output: .helm, version: v),
        SampleConfiguration.entra(version: v), SampleConfiguration.entra(output: .helm, version: v),
    ] })
    func roundTripSamples(config: Configuration) throws {
        let secrets = Dictionary(uniqueKeysWithValues: config.components.filter(\.hasSecret).map { ($0, SecretReference.literal(config.raw(.clientSecret($0)))) })
        let reparsed = try AnswersFile.parse(AnswersFile.render(config, secrets: secrets))
        Self.expectSameEffectiveAnswers(Answers(configuration: config, secretReferences: secrets), reparsed)
    }

    /// Same provider, format, modes, components, secret references, and every effective value.
    static func expectSameEffectiveAnswers(_ a: Answers, _ b: Answers, sourceLocation: SourceLocation = #_sourceLocation) {
        let x = a.configuration, y = b.configuration
        #expect(x.provider == y.provider, sourceLocation: sourceLocation)
        #expect(x.output == y.output, sourceLocation: sourceLocation)
        #expect(x.helmSecrets == y.helmSecrets, sourceLocation: sourceLocation)
        #expect(x.selectedComponents == y.selectedComponents, sourceLocation: sourceLocation)
        if x.isSelected(.connectors) { #expect(x.connectorsMode == y.connectorsMode, sourceLocation: sourceLocation) }
        // Only the secrets that apply are written back (outbound Connectors in env files use none of their own).
        func applicable(_ answers: Answers) -> [Component: SecretReference] {
            answers.secretReferences.filter { answers.configuration.applies(.clientSecret($0.key)) }
        }
        #expect(applicable(a) == applicable(b), sourceLocation: sourceLocation)
        for field in x.applicableFields {
            #expect(x.value(field) == y.value(field), "\(field.path)", sourceLocation: sourceLocation)
        }
        #expect(x.applicableFields == y.applicableFields, sourceLocation: sourceLocation)
    }
}
