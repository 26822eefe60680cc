import Foundation
import OIDCSetup
import Testing

/// 8.8 and 8.9's new files read back by real consumers: orchestration.env and connectors.env by bash
/// and python-dotenv (list indices included), the overlay's `secret` objects, lists, mapping rule and
/// chart-unquoted initial claim by PyYAML (and the claim once more as the chart re-reads it).
@Suite struct OrchestrationModelAdversarialTests {
    static let versions: [CamundaVersion] = [.v8_8, .v8_9]

    /// The 8.8 generic sample with an adversarial value in every new field that takes free text.
    static func configuration(_ value: String, version: CamundaVersion, output: OutputFormat,
                              helmSecrets: HelmSecretMode = .inline) -> Configuration {
        var config = SampleConfiguration.generic(output: output, version: version)
        config.helmSecrets = helmSecrets
        config.set(.clientSecret(.orchestration), value)
        config.set(.clientSecret(.connectors), value)
        config.set(.ocAdminClaimName, "email")
        config.set(.ocAdminClaimValue, value)
        config.set(.ocAdminUsers, "\(value), second-admin")
        config.set(.ocGroupsClaim, value)
        config.set(.initialClaimValue, value)
        config.set(.connectorsTokenScope, value)
        return config
    }

    /// Values a comma-separated list cannot hold as one item, and the empty value, are left out.
    static let values = AdversarialValues.all.filter { !$0.contains(",") && $0.trimmingWhitespace() == $0 }

    @Test("orchestration.env and connectors.env: bash and python-dotenv read back each value, list items by index", arguments: versions)
    func envRoundTrip(version: CamundaVersion) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var files: [(value: String, url: URL)] = []
        for (index, value) in Self.values.enumerated() {
            let config = Self.configuration(value, version: version, output: .env)
            #expect(Validator.validate(config).filter { $0.severity == .error } == [], "\(value.debugDescription)")
            for file in try OutputRenderer().render(config) where ["orchestration.env", "connectors.env"].contains(file.name) {
                files.append((value, try scratch.write("\(index)/\(file.name)", file.contents)))
            }
        }
        let dotenv = try Consumer.dotenv(files.map(\.url))
        let reads = try files.map { file in (file: file.url, names: try #require(dotenv[file.url.path]).keys.sorted()) }
        let bash = try Consumer.bash(reads)
        let carriers: [String: [String: (String) -> String]] = [
            "orchestration.env": [
                "CAMUNDA_SECURITY_AUTHENTICATION_OIDC_CLIENTSECRET": { $0 },
                "CAMUNDA_SECURITY_AUTHENTICATION_OIDC_GROUPSCLAIM": { $0 },
                "CAMUNDA_SECURITY_INITIALIZATION_MAPPINGRULES_0_CLAIMNAME": { _ in "email" },
                "CAMUNDA_SECURITY_INITIALIZATION_MAPPINGRULES_0_CLAIMVALUE": { $0 },
                "CAMUNDA_SECURITY_INITIALIZATION_DEFAULTROLES_ADMIN_USERS_0": { $0 },
                "CAMUNDA_SECURITY_INITIALIZATION_DEFAULTROLES_ADMIN_USERS_1": { _ in "second-admin" },
                "CAMUNDA_SECURITY_INITIALIZATION_DEFAULTROLES_CONNECTORS_CLIENTS_0": { _ in "camunda-connectors" },
            ],
            "connectors.env": ["CAMUNDA_CLIENT_AUTH_CLIENTSECRET": { $0 }, "CAMUNDA_CLIENT_AUTH_SCOPE": { $0 }],
        ]
        for ((value, url), fromBash) in zip(files, bash) {
            let name = url.lastPathComponent
            let fromDotenv = try #require(dotenv[url.path])
            for (variable, dotenvValue) in fromDotenv {
                #expect(dotenvValue == fromBash[variable], "\(value.debugDescription): \(name) \(variable): dotenv and bash disagree")
            }
            for (variable, expected) in carriers[name] ?? [:] {
                #expect(fromDotenv[variable] == .some(expected(value)), "\(value.debugDescription): \(name) \(variable) (dotenv)")
                #expect(fromBash[variable] == expected(value), "\(value.debugDescription): \(name) \(variable) (bash)")
            }
            #expect(fromDotenv["CAMUNDA_SECURITY_INITIALIZATION_DEFAULTROLES_ADMIN_USERS_2"] == nil, "no item past the list")
        }
        #expect(files.count == Self.values.count * 2)
    }

    @Test("the overlay: PyYAML reads back each value from the secret objects, lists and mapping rule; the chart's re-read of the initial claim gives it exactly",
          arguments: versions)
    func helmRoundTrip(version: CamundaVersion) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var written: [(value: String, inline: URL, referenced: URL, manifest: URL)] = []
        for (index, value) in (Self.values + AdversarialValues.envRefused).enumerated() {
            let inline = Self.configuration(value, version: version, output: .helm)
            #expect(Validator.validate(inline).filter { $0.severity == .error } == [], "\(value.debugDescription)")
            let referencedFiles = try OutputRenderer().render(Self.configuration(value, version: version, output: .helm, helmSecrets: .kubernetesSecret))
            written.append((
                value,
                try scratch.write("\(index)/inline.yaml", try #require(try OutputRenderer().render(inline).first { $0.kind == .helmValues }).contents),
                try scratch.write("\(index)/values.yaml", try #require(referencedFiles.first { $0.kind == .helmValues }).contents),
                try scratch.write("\(index)/secret.yaml", try #require(referencedFiles.first { $0.kind == .secretManifest }).contents)
            ))
        }
        let documents = try Consumer.yaml(written.flatMap { [$0.inline, $0.referenced, $0.manifest] })
        // What chart 13.x/14.x does with initialClaimValue: `initial-claim-value: {{ value }}`, unquoted, re-read as YAML.
        var chartReads: [URL] = []
        for (index, item) in written.enumerated() {
            let document = try #require(documents[item.inline.path])
            let wrapped = try #require(Self.string(document, "global.identity.auth.identity.initialClaimValue"))
            chartReads.append(try scratch.write("\(index)/identity-application.yaml", "initial-claim-value: \(wrapped)\n"))
        }
        let chartDocuments = try Consumer.yaml(chartReads)
        for ((value, inlineURL, referencedURL, manifestURL), chartURL) in zip(written, chartReads) {
            let inline = try #require(documents[inlineURL.path])
            let oidc = "orchestration.security.authentication.oidc"
            #expect(Self.string(inline, "\(oidc).secret.inlineSecret") == value, "\(value.debugDescription)")
            #expect(Self.string(inline, "\(oidc).groupsClaim") == value, "\(value.debugDescription)")
            #expect(Self.string(inline, "connectors.security.authentication.oidc.secret.inlineSecret") == value, "\(value.debugDescription)")
            #expect(Self.string(inline, "connectors.security.authentication.oidc.tokenScope") == value, "\(value.debugDescription)")
            #expect(Self.string(inline, "orchestration.security.initialization.mappingRules.0.claimValue") == value, "\(value.debugDescription)")
            #expect(Self.string(inline, "orchestration.security.initialization.defaultRoles.admin.users.0") == value, "\(value.debugDescription)")
            #expect(Self.string(inline, "orchestration.security.initialization.defaultRoles.admin.users.1") == "second-admin")
            #expect(Self.string(try #require(chartDocuments[chartURL.path]), "initial-claim-value") == value, "\(value.debugDescription): as the chart re-reads it")
            let referenced = try #require(documents[referencedURL.path])
            #expect(Self.string(referenced, "\(oidc).secret.existingSecret") == "camunda-oidc-secrets")
            #expect(Self.string(referenced, "\(oidc).secret.existingSecretKey") == "orchestration-secret")
            #expect(Self.string(referenced, "\(oidc).secret.inlineSecret") == nil)
            let manifest = try #require(documents[manifestURL.path])
            #expect(Self.string(manifest, "stringData.orchestration-secret") == value, "\(value.debugDescription)")
            #expect(Self.string(manifest, "stringData.connectors-secret") == value, "\(value.debugDescription)")
        }
    }

    @Test("claim values such as 12345, yes and a: b stay strings in the overlay; booleans are YAML booleans", arguments: versions)
    func yamlTypes(version: CamundaVersion) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var urls: [(String, URL)] = []
        for (index, value) in ["12345", "0123", "yes", "a: b", "null", "1e3"].enumerated() {
            let files = try OutputRenderer().render(Self.configuration(value, version: version, output: .helm))
            urls.append((value, try scratch.write("\(index)/values.yaml", try #require(files.first { $0.kind == .helmValues }).contents)))
        }
        let documents = try Consumer.yaml(urls.map(\.1))
        for (value, url) in urls {
            let document = try #require(documents[url.path])
            #expect(Self.string(document, "orchestration.security.initialization.mappingRules.0.claimValue") == value)
            #expect(Self.string(document, "global.identity.auth.identity.initialClaimValue") == "'\(value)'")
            #expect(Self.node(document, "orchestration.security.authentication.oidc.preferUsernameClaim") as? Bool == false)
            #expect(Self.node(document, "global.identity.auth.enabled") as? Bool == true)
            #expect(Self.node(document, "optimize.enabled") as? Bool == true)
            #expect(Self.node(document, "orchestration.security.initialization.defaultRoles.connectors.users") as? [Any] != nil)
            #expect((Self.node(document, "orchestration.security.initialization.defaultRoles.connectors.users") as? [Any])?.isEmpty == true)
        }
    }

    /// The node at a dotted path; a number indexes a list.
    static func node(_ document: Any, _ path: String) -> Any? {
        var node: Any? = document
        for key in path.split(separator: ".") {
            if let index = Int(key), let list = node as? [Any] {
                node = index < list.count ? list[index] : nil
            } else {
                node = (node as? [String: Any])?[String(key)]
            }
        }
        return node
    }

    static func string(_ document: Any, _ path: String) -> String? { node(document, path) as? String }
}
