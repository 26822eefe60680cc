import Foundation
import OIDCSetup
import TestSupport
import Testing

/// Every file of every answers set, byte for byte. The goldens were reviewed line by line against
/// spec sections 2-4; a change to an output shows up here as a diff to review.
@Suite struct GoldenOutputTests {
    /// The files each set writes, in order, and whether each holds a secret (mode 0600).
    static let expectedFiles: [String: [(name: String, holdsSecret: Bool)]] = [
        "entra-helm": [("values-oidc.yaml", false), ("oidc-secret.yaml", true), ("registration-checklist.md", false)],
        "generic-helm": [("values-oidc.yaml", false), ("oidc-secret.yaml", true), ("registration-checklist.md", false)],
        "entra-helm-inline": [("values-oidc.yaml", true), ("registration-checklist.md", false)],
        "generic-helm-inline": [("values-oidc.yaml", true), ("registration-checklist.md", false)],
        "entra-env": envFiles,
        "generic-env": envFiles,
        "8.6-entra-helm": [("values-oidc.yaml", false), ("oidc-secret.yaml", true), ("registration-checklist.md", false)],
        "8.6-generic-helm": [("values-oidc.yaml", false), ("oidc-secret.yaml", true), ("registration-checklist.md", false)],
        "8.6-entra-env": envFiles86,
        "8.6-generic-env": envFiles86,
        "8.7-entra-helm": [("values-oidc.yaml", false), ("oidc-secret.yaml", true), ("registration-checklist.md", false)],
        "8.7-entra-helm-inline": [("values-oidc.yaml", true), ("registration-checklist.md", false)],
        "8.7-generic-helm-inline": [("values-oidc.yaml", true), ("registration-checklist.md", false)],
        "8.7-entra-env": envFiles86,
        "8.7-generic-env": envFiles86,
        "8.8-entra-helm": helmFiles, "8.9-entra-helm": helmFiles, "8.8-generic-helm": helmFiles, "8.9-generic-helm": helmFiles,
        "8.8-entra-helm-inline": helmInlineFiles, "8.9-entra-helm-inline": helmInlineFiles,
        "8.8-generic-helm-inline": helmInlineFiles, "8.9-generic-helm-inline": helmInlineFiles,
        "8.8-entra-env": envFiles88(webapp: true), "8.9-entra-env": envFiles88(webapp: false),
        "8.9-generic-env": envFiles88(webapp: false),
        // The cluster and Connectors only: no Management Identity, nothing that needs it.
        "8.8-generic-env": [("orchestration.env", true), ("connectors.env", true), ("registration-checklist.md", false)],
    ]

    static let helmFiles: [(name: String, holdsSecret: Bool)] = [("values-oidc.yaml", false), ("oidc-secret.yaml", true), ("registration-checklist.md", false)]
    static let helmInlineFiles: [(name: String, holdsSecret: Bool)] = [("values-oidc.yaml", true), ("registration-checklist.md", false)]

    /// 8.8 and 8.9 with every component: the cluster's file first; 8.9 has no Web Modeler webapp file.
    static func envFiles88(webapp: Bool) -> [(name: String, holdsSecret: Bool)] {
        [("orchestration.env", true), ("identity.env", true), ("optimize.env", true)]
            + (webapp ? [("web-modeler-webapp.env", false)] : [])
            + [("web-modeler-restapi.env", false), ("connectors.env", true), ("console.env", false),
               ("console-application.yaml", false), ("registration-checklist.md", false)]
    }

    /// 8.6 and 8.7 add Console: its env file and its config file (no secret in either).
    static let envFiles86: [(name: String, holdsSecret: Bool)] = envFiles.dropLast()
        + [("console.env", false), ("console-application.yaml", false), ("registration-checklist.md", false)]

    static let envFiles: [(name: String, holdsSecret: Bool)] = [
        ("identity.env", true), ("operate.env", true), ("tasklist.env", true), ("optimize.env", true),
        ("zeebe-gateway.env", false), ("web-modeler-webapp.env", false), ("web-modeler-restapi.env", false),
        ("connectors.env", true), ("registration-checklist.md", false),
    ]

    @Test("the fixture answers are valid and draw no warning", arguments: AnswersFixture.all)
    func fixturesAreClean(set: String) throws {
        let answers = try AnswersFixture.answers(set)
        let config = answers.configuration
        // 8.8 and later warn about inline secrets (spec section 9); nothing else.
        let inlineWarning = config.profile.helmSecretForm == .secretObject && config.output == .helm && config.helmSecrets == .inline
        #expect(Validator.validate(config).map(\.description) == (inlineWarning ? [
            "helmSecrets: inline: the values file holds every secret in plain text, and chart \(config.version.chartLine) puts Management Identity's in its ConfigMap in plain text; a Kubernetes Secret keeps them out of both",
        ] : []))
        #expect(answers.notes == [])
    }

    @Test("every output file equals its golden", arguments: AnswersFixture.all)
    func outputsMatchGoldens(set: String) throws {
        let config = try AnswersFixture.answers(set).configuration
        let files = try OutputRenderer().render(config)
        let expected = try #require(Self.expectedFiles[set])
        #expect(files.map(\.name) == expected.map(\.name))
        #expect(files.map(\.holdsSecret) == expected.map(\.holdsSecret))
        #expect(OutputRenderer().fileNames(for: config) == expected.map(\.name))
        for file in files {
            assertGolden(file.contents, named: "outputs/\(set)/\(file.name)")
        }
    }

    @Test("no stale golden: each set's golden directory holds exactly the files it writes", arguments: AnswersFixture.all)
    func noStaleGoldens(set: String) throws {
        let directory = Golden.directory.appendingPathComponent("outputs/\(set)")
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(onDisk == (Self.expectedFiles[set] ?? []).map(\.name).sorted())
    }

    @Test("rendering is deterministic", arguments: AnswersFixture.all)
    func deterministic(set: String) throws {
        let config = try AnswersFixture.answers(set).configuration
        #expect(try OutputRenderer().render(config) == OutputRenderer().render(config))
    }

    @Test("file modes: 0600 with a secret, 0644 without")
    func modes() {
        #expect(OutputFile(name: "a", kind: .envFile, contents: "", holdsSecret: true).mode == 0o600)
        #expect(OutputFile(name: "a", kind: .checklist, contents: "", holdsSecret: false).mode == 0o644)
    }

    @Test("render refuses a configuration with errors, listing them")
    func renderRefusesErrors() {
        var config = SampleConfiguration.generic()
        config.set(.tokenURL, "")
        let failure = #expect(throws: InvalidConfiguration.self) { try OutputRenderer().render(config) }
        #expect(failure?.issues == [ValidationIssue(.tokenURL, .error, "required")])
    }
}

@Suite struct FieldReferenceGoldenTests {
    @Test("the field reference for each provider, and for both, equals its golden",
          arguments: [("generic", Provider.generic), ("microsoft", .microsoft), ("all", nil)] as [(String, Provider?)])
    func fieldReference(name: String, provider: Provider?) {
        assertGolden(FieldReference.render(provider: provider), named: "fields/\(name).txt")
    }

    @Test("the field reference of each later version, both providers, equals its golden", arguments: [CamundaVersion.v8_6, .v8_7, .v8_8, .v8_9])
    func fieldReferenceOfVersion(version: CamundaVersion) {
        assertGolden(FieldReference.render(provider: nil, version: version), named: "fields/\(version.rawValue)-all.txt")
    }

    @Test("each version's reference has a section per component it offers, and only its own fields",
          arguments: CamundaVersion.allCases)
    func versionSections(version: CamundaVersion) {
        let text = FieldReference.render(provider: nil, version: version)
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("== ") }
            .map { String($0.dropFirst(3).prefix { $0 != ":" }).replacingOccurrences(of: " ==", with: "") }
        let expected = ["Global"] + version.profile.components.map {
            $0 == .webModeler && version.profile.webModelerHasAPIApp ? "Web Modeler UI" : version.profile.name(of: $0)
        }
        #expect(headings == expected)
        #expect(text.contains("components.webModeler.apiClientId") == (version >= .v8_7))
        #expect(text.contains("components.webModeler.publicApiAudience") == (version < .v8_7))
        #expect(text.contains("CAMUNDA_CLIENT_AUTH_CLIENT_ID (connectors.env)") == (version == .v8_7))
        #expect(text.contains("ZEEBE_CLIENT_ID (operate.env, tasklist.env\(version == .v8_7 ? "" : ", connectors.env"))") == (version <= .v8_7))
        // 8.8 and later: the Orchestration cluster and its claims, no Zeebe, Operate or Tasklist.
        #expect(text.contains("components.orchestration.usernameClaim") == (version >= .v8_8))
        #expect(text.contains("components.zeebe.clientId") == (version <= .v8_7))
        #expect(text.contains("authUrl") == (version >= .v8_8))
    }

    @Test("the field reference's wrapped text never runs past 100 columns")
    func width() {
        for provider in [Provider.generic, .microsoft, nil] as [Provider?] {
            let long = FieldReference.render(provider: provider).split(separator: "\n").filter { $0.hasPrefix("    ") && $0.count > 100 }
            #expect(long == [])
        }
    }

    @Test("the field reference has one section per component, global fields first", arguments: [Provider.generic, .microsoft, nil] as [Provider?])
    func sections(provider: Provider?) {
        let headings = FieldReference.render(provider: provider).split(separator: "\n").filter { $0.hasPrefix("== ") }
            .map { String($0.dropFirst(3).prefix { $0 != ":" && $0 != " " }) }
        #expect(headings == ["Global", "Identity", "Operate", "Tasklist", "Optimize", "Zeebe", "Web", "Connectors"])
    }
}
