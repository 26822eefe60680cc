import Foundation
import OIDCSetup
import Testing

/// Values chosen to break quoting: each must reach bash, python-dotenv and PyYAML unchanged.
enum AdversarialValues {
    static let all: [String] = [
        "it's", "say \"hi\"", "$HOME", "${HOME", "$HOME}", "{$HOME}", "$(id)", "a$", "a\\b", "a\\\\b", "\\\\x", "\\n", "a\\'b", "\\\"",
        "#not-a-comment", "a #b", "a#b", "two  inner  spaces", "yes", "no", "null", "~", "0123", "1e3", "true", "0x1F", ".inf",
        "a: b", "- x", "[x]", "{x: y}", "&anchor", "*alias", "!tag", "%x", "@x", "<<", "a=b", "x;y", "x|y", "x>y", "x&y",
        "`id`", "'", "\"", "'quoted'", "\"dq\"", "a'b\"c", "it's \"both\"", "é", "日本", "🔑 key", "zero\u{200B}width",
    ]

    static let quoteAndDollar = "holds both a quote or backslash and '$' or '`': no env-file quoting reads back the same in docker compose, bash and python-dotenv"
    static let trailingBackslash = "ends in a backslash, which python-dotenv reads as escaping the closing quote: no env-file quoting reads back the same in docker compose, bash and python-dotenv"
    static let braceExpansion = "holds '${...}', which python-dotenv expands in every quoting: no env-file quoting reads back the same in docker compose, bash and python-dotenv"

    /// No env-file quoting carries these (value, why): env output refuses them naming the field; Helm carries them.
    static let envRefusedWithReasons: [(String, String)] = [
        ("it's $HOME", quoteAndDollar), ("a\\\\b $x", quoteAndDollar), ("it's `id`", quoteAndDollar), ("\"$x\" and 'y'", quoteAndDollar),
        ("trailing\\", trailingBackslash), ("\\", trailingBackslash), ("\\\\", trailingBackslash), ("x $y\\", trailingBackslash),
        ("${HOME}", braceExpansion), ("a${b:-c}d", braceExpansion), ("${x} it's", braceExpansion),
    ]

    static let envRefused = envRefusedWithReasons.map(\.0)
}

@Suite struct EnvValueTests {
    @Test("each value takes the simplest form: plain, single-quoted, double-quoted, or refused", arguments: [
        ("fake-secret_1.2:3@4%5+6,7/8", "fake-secret_1.2:3@4%5+6,7/8"),
        ("~", "'~'"), ("a b", "'a b'"), ("$HOME", "'$HOME'"), ("a\\b", "'a\\b'"), ("\"", "'\"'"), ("`id`", "'`id`'"),
        ("it's", "\"it's\""), ("a\\\\b", "\"a\\\\\\\\b\""), ("a'b\"c", "\"a'b\\\"c\""), ("${x", "'${x'"), ("$x}", "'$x}'"),
        ("", ""),
    ])
    func encoding(value: String, encoded: String) {
        #expect(EnvValue.encode(value) == .encoded(encoded))
    }

    @Test("values no form carries, and control characters, are refused", arguments: AdversarialValues.envRefused + ["a\nb", "a\tb", "a\u{0}b"])
    func refused(value: String) {
        guard case .refused(let reason) = EnvValue.encode(value) else {
            Issue.record("\(value.debugDescription) was encoded")
            return
        }
        #expect(!reason.isEmpty)
        #expect(!reason.contains(value))
    }

    @Test("YAML scalars are double-quoted with escapes")
    func yamlScalar() {
        #expect(YAMLScalar.quoted("no") == "\"no\"")
        #expect(YAMLScalar.quoted("a\\b\"c") == "\"a\\\\b\\\"c\"")
        #expect(YAMLScalar.quoted("a\tb\nc\u{7}") == "\"a\\tb\\nc\\u0007\"")
    }
}

@Suite struct AdversarialValueTests {
    /// The fields each adversarial value is put in.
    static func configuration(_ value: String, output: OutputFormat, helmSecrets: HelmSecretMode = .inline) -> Configuration {
        var config = SampleConfiguration.generic(output: output)
        config.helmSecrets = helmSecrets
        config.set(.clientSecret(.identity), value)
        config.set(.clientSecret(.zeebe), value)
        config.set(.initialClaimValue, value)
        config.set(.audience(.operate), value)
        config.set(.webModelerPublicAPIAudience, value)
        config.set(.zeebeTokenScope, value)
        return config
    }

    /// Where the value must appear in the env files.
    static let envCarriers: [String: [String]] = [
        "identity.env": ["CAMUNDA_IDENTITY_CLIENT_SECRET", "IDENTITY_INITIAL_CLAIM_VALUE"],
        "operate.env": ["CAMUNDA_IDENTITY_AUDIENCE", "ZEEBE_CLIENT_SECRET", "ZEEBE_TOKEN_SCOPE"],
        "tasklist.env": ["ZEEBE_CLIENT_SECRET", "ZEEBE_TOKEN_SCOPE"],
        "connectors.env": ["ZEEBE_CLIENT_SECRET", "ZEEBE_TOKEN_SCOPE", "CAMUNDA_IDENTITY_AUDIENCE"],
        "web-modeler-restapi.env": ["CAMUNDA_MODELER_SECURITY_JWT_AUDIENCE_PUBLIC_API"],
    ]

    /// Where the value must appear in the inline Helm overlay.
    static let helmCarriers = [
        "global.identity.auth.identity.existingSecret", "global.identity.auth.identity.initialClaimValue",
        "global.identity.auth.operate.audience", "global.identity.auth.zeebe.existingSecret",
        "global.identity.auth.zeebe.tokenScope", "global.identity.auth.webModeler.publicApiAudience",
    ]

    static func write(_ files: [OutputFile], to scratch: ScratchDirectory) throws -> [URL] {
        try files.map { try scratch.write($0.name, $0.contents) }
    }

    @Test("env files: bash and python-dotenv read back exactly each value, and agree on every variable")
    func envRoundTrip() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var files: [(value: String, url: URL)] = []
        for (index, value) in AdversarialValues.all.enumerated() {
            let config = Self.configuration(value, output: .env)
            #expect(Validator.validate(config).filter { $0.severity == .error } == [], "\(value.debugDescription)")
            for file in try OutputRenderer().render(config) where file.kind == .envFile {
                files.append((value, try scratch.write("\(index)/\(file.name)", file.contents)))
            }
        }
        let dotenv = try Consumer.dotenv(files.map(\.url))
        let reads = try files.map { file in (file: file.url, names: try #require(dotenv[file.url.path]).keys.sorted()) }
        let bash = try Consumer.bash(reads)
        for ((value, url), fromBash) in zip(files, bash) {
            let name = url.lastPathComponent
            let fromDotenv = try #require(dotenv[url.path])
            for (variable, dotenvValue) in fromDotenv {
                #expect(dotenvValue == fromBash[variable], "\(value.debugDescription): \(name) \(variable): dotenv and bash disagree")
            }
            for variable in Self.envCarriers[name] ?? [] {
                #expect(fromDotenv[variable] == .some(value), "\(value.debugDescription): \(name) \(variable) (dotenv)")
                #expect(fromBash[variable] == value, "\(value.debugDescription): \(name) \(variable) (bash)")
            }
        }
        #expect(files.count == AdversarialValues.all.count * 8)
    }

    @Test("Helm overlay and Secret manifest: PyYAML reads back exactly each value, env-refused ones included")
    func helmRoundTrip() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var written: [(value: String, inline: URL, values: URL, manifest: URL)] = []
        for (index, value) in (AdversarialValues.all + AdversarialValues.envRefused).enumerated() {
            let inline = Self.configuration(value, output: .helm, helmSecrets: .inline)
            let referenced = Self.configuration(value, output: .helm, helmSecrets: .kubernetesSecret)
            #expect(Validator.validate(inline).filter { $0.severity == .error } == [], "\(value.debugDescription)")
            let referencedFiles = try OutputRenderer().render(referenced)
            written.append((
                value,
                try scratch.write("\(index)/inline.yaml", try #require(try OutputRenderer().render(inline).first { $0.kind == .helmValues }).contents),
                try scratch.write("\(index)/values.yaml", try #require(referencedFiles.first { $0.kind == .helmValues }).contents),
                try scratch.write("\(index)/secret.yaml", try #require(referencedFiles.first { $0.kind == .secretManifest }).contents)
            ))
        }
        let documents = try Consumer.yaml(written.flatMap { [$0.inline, $0.values, $0.manifest] })
        for (value, inlineURL, valuesURL, manifestURL) in written {
            let inlineDocument = try #require(documents[inlineURL.path])
            for path in Self.helmCarriers {
                #expect(Consumer.string(inlineDocument, path) == value, "\(value.debugDescription): \(path)")
            }
            let valuesDocument = try #require(documents[valuesURL.path])
            #expect(Consumer.string(valuesDocument, "global.identity.auth.identity.existingSecret.name") == "camunda-oidc-secrets")
            #expect(Consumer.string(valuesDocument, "global.identity.auth.operate.audience") == value, "\(value.debugDescription)")
            let manifest = try #require(documents[manifestURL.path])
            #expect(Consumer.string(manifest, "stringData.identity-secret") == value, "\(value.debugDescription)")
            #expect(Consumer.string(manifest, "stringData.zeebe-secret") == value, "\(value.debugDescription)")
            #expect(Consumer.string(manifest, "stringData.operate-secret") == "fake-operate-secret-NOT-REAL")
        }
    }

    @Test("env output refuses a value no quoting carries, naming each field that holds it and why",
          arguments: AdversarialValues.envRefusedWithReasons)
    func envRefusal(value: String, reason: String) {
        #expect(EnvValue.encode(value) == .refused(reason))
        let errors = Validator.validate(Self.configuration(value, output: .env)).filter { $0.severity == .error }.map(\.description)
        #expect(errors == [
            "components.identity.secret: \(reason)",
            "components.operate.audience: \(reason)",
            "components.zeebe.secret: \(reason)",
            "components.zeebe.tokenScope: \(reason)",
            "components.webModeler.publicApiAudience: \(reason)",
            "initialClaim.value: \(reason)",
        ])
        #expect(throws: InvalidConfiguration.self) { try OutputRenderer().render(Self.configuration(value, output: .env)) }
    }

    @Test("Helm output takes the YAML-sensitive values as strings, not booleans, numbers or nulls")
    func yamlTypes() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let files = try OutputRenderer().render(try AnswersFixture.answers("generic-helm").configuration)
        let urls = try Self.write(files.filter { $0.kind != .checklist }, to: scratch)
        let documents = try Consumer.yaml(urls)
        let values = try #require(documents[scratch.url.appendingPathComponent("values-oidc.yaml").path] as? [String: Any])
        #expect((values["identityKeycloak"] as? [String: Any])?["enabled"] as? Bool == false)
        #expect(Consumer.string(values, "global.identity.auth.type") == "GENERIC")
        #expect(Consumer.string(values, "identity.fullURL") == "https://identity.camunda.example.com")
    }
}

/// The files 8.6 and 8.7 add (console.env, console-application.yaml, 8.7's connectors.env and cluster
/// block) carry the same adversarial values back unchanged.
@Suite struct LaterVersionAdversarialValueTests {
    static func configuration(_ value: String, output: OutputFormat) -> Configuration {
        var config = SampleConfiguration.generic(output: output, version: .v8_7)
        config.helmSecrets = .inline
        config.set(.clientSecret(.zeebe), value)
        config.set(.clientSecret(.connectors), value)
        config.set(.zeebeTokenScope, value)
        config.set(.audience(.operate), value)
        config.set(.webModelerAPIClientID, value)
        if output == .env {
            // Helm output has the Console plain-scalar rule (the chart renders these unquoted): env only.
            config.set(.audience(.console), value)
            config.set(.clusterName, value)
        }
        return config
    }

    static let envCarriers: [String: [String]] = [
        "connectors.env": ["CAMUNDA_CLIENT_AUTH_CLIENT_SECRET", "CAMUNDA_CLIENT_ZEEBE_SCOPE", "OPERATE_CLIENT_AUDIENCE",
                           "OPERATE_CLIENT_CLIENT_SECRET", "CAMUNDA_IDENTITY_CLIENT_SECRET", "CAMUNDA_IDENTITY_AUDIENCE"],
        "console.env": ["CAMUNDA_IDENTITY_AUDIENCE"],
        "web-modeler-restapi.env": ["CAMUNDA_MODELER_CLUSTERS_0_NAME", "CAMUNDA_MODELER_SECURITY_JWT_AUDIENCE_PUBLIC_API"],
    ]

    @Test("8.7 env files and Console's application.yaml: bash, python-dotenv and PyYAML read back exactly each value")
    func envRoundTrip() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var envFiles: [(value: String, url: URL)] = []
        var configFiles: [(value: String, url: URL)] = []
        for (index, value) in AdversarialValues.all.enumerated() {
            let config = Self.configuration(value, output: .env)
            #expect(Validator.validate(config).filter { $0.severity == .error } == [], "\(value.debugDescription)")
            for file in try OutputRenderer().render(config) {
                switch file.kind {
                case .envFile where Self.envCarriers[file.name] != nil:
                    envFiles.append((value, try scratch.write("\(index)/\(file.name)", file.contents)))
                case .configFile:
                    configFiles.append((value, try scratch.write("\(index)/\(file.name)", file.contents)))
                default:
                    break
                }
            }
        }
        #expect(envFiles.count == AdversarialValues.all.count * 3)
        #expect(configFiles.count == AdversarialValues.all.count)
        let dotenv = try Consumer.dotenv(envFiles.map(\.url))
        let bash = try Consumer.bash(try envFiles.map { (file: $0.url, names: try #require(dotenv[$0.url.path]).keys.sorted()) })
        for ((value, url), fromBash) in zip(envFiles, bash) {
            let fromDotenv = try #require(dotenv[url.path])
            for variable in Self.envCarriers[url.lastPathComponent] ?? [] {
                #expect(fromDotenv[variable] == .some(value), "\(value.debugDescription): \(url.lastPathComponent) \(variable) (dotenv)")
                #expect(fromBash[variable] == value, "\(value.debugDescription): \(url.lastPathComponent) \(variable) (bash)")
            }
        }
        let documents = try Consumer.yaml(configFiles.map(\.url))
        for (value, url) in configFiles {
            let document = try #require(documents[url.path])
            #expect(Consumer.string(document, "camunda.console.oAuth.audience") == value, "\(value.debugDescription)")
            #expect(Consumer.string(document, "camunda.console.oAuth.type") == "GENERIC")
        }
    }

    @Test("8.7 Helm overlay: PyYAML reads back the Web Modeler API client ID and the Connectors secret exactly")
    func helmRoundTrip() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var written: [(value: String, url: URL)] = []
        for (index, value) in (AdversarialValues.all + AdversarialValues.envRefused).enumerated() {
            let config = Self.configuration(value, output: .helm)
            #expect(Validator.validate(config).filter { $0.severity == .error } == [], "\(value.debugDescription)")
            let values = try #require(try OutputRenderer().render(config).first { $0.kind == .helmValues })
            written.append((value, try scratch.write("\(index)/values.yaml", values.contents)))
        }
        let documents = try Consumer.yaml(written.map(\.url))
        for (value, url) in written {
            let document = try #require(documents[url.path])
            for path in ["global.identity.auth.webModeler.publicApiAudience", "global.identity.auth.connectors.existingSecret",
                         "global.identity.auth.zeebe.existingSecret", "global.identity.auth.zeebe.tokenScope"] {
                #expect(Consumer.string(document, path) == value, "\(value.debugDescription): \(path)")
            }
        }
    }
}
