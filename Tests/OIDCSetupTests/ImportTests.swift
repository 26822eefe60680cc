import Foundation
import OIDCSetup
import Testing
import TestSupport

/// Reading existing setups back: round trips, the docs page's own examples, hand-edited env files,
/// malformed input, and the key-by-key diff.
@Suite struct ImportTests {
    static let answerSets = ["entra-helm", "entra-helm-inline", "entra-env", "generic-env", "generic-helm", "generic-helm-inline"] + AnswersFixture.later

    static func answers(_ name: String) throws -> Configuration {
        let text = try String(contentsOf: Golden.fixtures.appendingPathComponent("answers/\(name).yaml"), encoding: .utf8)
        return try AnswersFile.parse(text).configuration
    }

    static func docs(_ name: String) throws -> String {
        try String(contentsOf: Golden.fixtures.appendingPathComponent("docs/\(name)"), encoding: .utf8)
    }

    /// generate -> import -> the same configuration, for every golden answers set and both formats.
    @Test(arguments: answerSets)
    func roundTrip(set: String) throws {
        let config = try Self.answers(set)
        let files = try OutputRenderer().render(config)
        let byName = Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) })
        let imported: ImportedSetup
        switch config.output {
        case .env:
            imported = try SetupImporter(version: config.version).importEnvFiles(byName)
        case .helm:
            let manifest = byName["oidc-secret.yaml"].map { (file: "oidc-secret.yaml", text: $0) }
            imported = try SetupImporter(version: config.version).importHelmValues(byName["values-oidc.yaml"]!, file: "values-oidc.yaml", secretManifest: manifest)
        }
        var expected = config.normalized()
        if config.output == .env {
            // Env files do not carry Web Modeler's (before 8.9) and Console's URLs (they only shape the checklist).
            if config.profile.layout.destinations(of: .componentURL(.webModeler)).env.isEmpty { expected.values[.componentURL(.webModeler)] = nil }
            expected.values[.componentURL(.console)] = nil
        }
        #expect(imported.configuration == expected)
        #expect(imported.notes == [])
        #expect(imported.statedVersion == config.version, "the headers say the version")
        // And the files it writes again are the same bytes, once the lost URLs are given back.
        var again = imported.configuration
        again.values[.componentURL(.webModeler)] = config.values[.componentURL(.webModeler)]
        again.values[.componentURL(.console)] = config.values[.componentURL(.console)]
        #expect(try OutputRenderer().render(again) == files)
    }

    @Test func envFilesTakeWhatTheyDoNotCarryFromTheSavedAnswers() throws {
        let config = try Self.answers("generic-env")
        var files = Dictionary(uniqueKeysWithValues: try OutputRenderer().render(config).map { ($0.name, $0.contents) })
        files[AnswersFile.defaultFileName] = AnswersFile.render(config, secrets: [:])
        let imported = try SetupImporter().importEnvFiles(files)
        #expect(imported.configuration == config.normalized())
        #expect(imported.origins[.componentURL(.webModeler)] == ValueOrigin(file: "camunda-oidc-answers.yaml", key: "components.webModeler.url", line: nil))
        #expect(imported.baseline[AnswersFile.defaultFileName] == nil, "the answers file is not an env file of the baseline")
    }

    @Test func docsPageGenericHelmExample() throws {
        let setup = try SetupImporter().importHelmValues(try Self.docs("generic-values.yaml"), file: "values.yaml")
        let config = setup.configuration
        #expect(config.provider == .generic)
        #expect(config.helmSecrets == .inline)
        #expect(config.components == [.identity, .operate, .tasklist, .optimize, .zeebe, .webModeler])
        #expect(config.value(.clientSecret(.zeebe)) == "fake-zeebe-secret-NOT-REAL")
        #expect(config.value(.initialClaimName) == "email")
        #expect(config.raw(.issuerBackendURL) == "", "equal to the issuer: left to derive")
        #expect(setup.origins[.audience(.operate)] == ValueOrigin(file: "values.yaml", key: "global.identity.auth.operate.audience", line: 19))
        // The docs example has no redirect URLs: validation asks for them.
        #expect(Validator.validate(config).filter { $0.severity == .error }.map(\.description) == [
            "components.identity.url: required", "components.operate.url: required", "components.tasklist.url: required",
            "components.optimize.url: required", "components.webModeler.url: required",
        ])
    }

    @Test func docsPageEntraHelmExample() throws {
        let setup = try SetupImporter().importHelmValues(try Self.docs("entra-values.yaml"), file: "values.yaml")
        let config = setup.configuration
        #expect(config.provider == .microsoft)
        #expect(config.raw(.tenantID) == "11111111-2222-3333-4444-555555555555")
        #expect(config.raw(.authorityHost) == "", "the public cloud's host is the default")
        #expect(config.value(.componentURL(.identity)) == "https://identity.camunda.example.com")
        #expect(config.raw(.audience(.operate)) == "", "Entra's audience equals the client ID: left to derive")
        #expect(config.raw(.zeebeTokenScope) == "")
        #expect(Validator.validate(config).isEmpty)
        #expect(setup.notes.map(\.message) == [
            "identityKeycloak.enabled is not false here: chart 10.x then deploys Keycloak too (set it in this file or your main values file)",
            "global.identity.auth.identity.redirectUrl is ignored by chart 10.x; a rewrite writes identity.fullURL",
        ])
    }

    @Test func docsPageEnvExamples() throws {
        let generic = try SetupImporter().importEnvFiles(["identity.env": try Self.docs("generic-identity.env")])
        #expect(generic.configuration.provider == .generic)
        #expect(generic.configuration.components == [.identity])
        #expect(generic.configuration.value(.identityBaseURL) == "http://identity:8084")
        #expect(generic.configuration.value(.clientSecret(.identity)) == "fake-identity-secret-NOT-REAL")
        #expect(generic.notes.map(\.line) == [3])

        let entra = try SetupImporter().importEnvFiles(["identity.env": try Self.docs("entra-identity.env")])
        #expect(entra.configuration.provider == .microsoft)
        #expect(entra.configuration.raw(.tenantID) == "11111111-2222-3333-4444-555555555555")
        #expect(entra.configuration.value(.initialClaimValue) == "99999999-8888-7777-6666-555555555555")
    }

    @Test func handWrittenEnvForms() throws {
        let text = "# comment\r\n\r\nexport CAMUNDA_IDENTITY_TYPE=MICROSOFT\r\nCAMUNDA_IDENTITY_CLIENT_SECRET='a b#c'  # trailing comment\r\n"
            + "CAMUNDA_IDENTITY_CLIENT_ID=\"00000000-0000-0000-0000-00000000000a\"\r\nIDENTITY_INITIAL_CLAIM_VALUE=x\\ y\r\n"
        let lines = try EnvFileParser.parse(text, file: "identity.env")
        #expect(lines.map(\.kind) == [
            .comment, .blank,
            .assignment(name: "CAMUNDA_IDENTITY_TYPE", value: "MICROSOFT", exported: true),
            .assignment(name: "CAMUNDA_IDENTITY_CLIENT_SECRET", value: "a b#c", exported: false),
            .assignment(name: "CAMUNDA_IDENTITY_CLIENT_ID", value: "00000000-0000-0000-0000-00000000000a", exported: false),
            .assignment(name: "IDENTITY_INITIAL_CLAIM_VALUE", value: "x y", exported: false),
        ])
    }

    @Test(arguments: [
        ("A=1\nB\n", "identity.env:2: expected NAME=value (or a # comment)"),
        ("1A=x\n", "identity.env:1: the name before '=' is not a variable name (letters, digits and _, not starting with a digit)"),
        ("A='open\n", "identity.env:1: unterminated single quote (values spanning lines are not supported)"),
        ("A=\"x$HOME\"\n", "identity.env:1: uses shell expansion ('$'), which this tool cannot read back; quote the value in single quotes"),
        ("A=two words\n", "identity.env:1: unquoted space in the value; quote the value"),
    ])
    func malformedEnvLines(text: String, message: String) {
        #expect(throws: ImportProblem.self) { try EnvFileParser.parse(text, file: "identity.env") }
        do {
            _ = try EnvFileParser.parse(text, file: "identity.env")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func malformedHelmInput() {
        func problem(_ text: String) -> String? {
            do {
                _ = try SetupImporter().importHelmValues(text, file: "values.yaml")
                return nil
            } catch {
                return error.description
            }
        }
        #expect(problem("global: [\n") == "values.yaml:2: not valid YAML: while parsing a flow node did not find expected node content")
        #expect(problem("global:\n  other: 1\n") == "values.yaml: no global.identity.auth section: not a Camunda OIDC values file")
        #expect(problem("global:\n  identity:\n    auth:\n      operate:\n        clientId: [a, b]\n")
            == "values.yaml:5: global.identity.auth.operate.clientId should be a single value, not a list")
    }

    @Test func handEditedEnvFileKeepsItsLinesInPlace() throws {
        var config = try Self.answers("generic-env")
        let generated = try OutputRenderer().render(config).first { $0.name == "operate.env" }!.contents
        // What an operator made of it: a comment of their own, an extra variable in the middle, an
        // `export`, a line they removed (the redirect), CRLF endings.
        var lines = generated.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeAll { $0.hasPrefix("CAMUNDA_OPERATE_IDENTITY_REDIRECT_ROOT_URL=") }
        let index = lines.firstIndex { $0.hasPrefix("CAMUNDA_IDENTITY_CLIENT_ID=") }!
        lines.insert(contentsOf: ["# ours: keep the JVM small", "JAVA_OPTS='-Xmx512m'"], at: index)
        lines[lines.firstIndex { $0.hasPrefix("CAMUNDA_IDENTITY_AUDIENCE=") }!] = "export CAMUNDA_IDENTITY_AUDIENCE=camunda-operate-api"
        lines.append("LOGGING_LEVEL_ROOT=INFO")
        let edited = lines.joined(separator: "\r\n")

        config.set(.clientSecret(.operate), "rotated-operate-secret-NOT-REAL")
        let regenerated = try OutputRenderer().render(config).first { $0.name == "operate.env" }!.contents
        let merged = try EnvFileMerge.merge(existing: edited, generated: regenerated, file: "operate.env")
        let mergedLines = merged.components(separatedBy: "\r\n")
        #expect(merged.hasSuffix("\r\n"))
        #expect(mergedLines.contains("CAMUNDA_IDENTITY_CLIENT_SECRET=rotated-operate-secret-NOT-REAL"))
        #expect(!merged.contains("fake-operate-secret"))
        let ours = mergedLines.firstIndex(of: "# ours: keep the JVM small")!
        #expect(mergedLines[ours + 1] == "JAVA_OPTS='-Xmx512m'")
        #expect(mergedLines[ours + 2].hasPrefix("CAMUNDA_IDENTITY_CLIENT_ID="), "still right before the client ID")
        #expect(mergedLines.contains("export CAMUNDA_IDENTITY_AUDIENCE=camunda-operate-api"), "export kept")
        #expect(mergedLines.contains("LOGGING_LEVEL_ROOT=INFO"))
        #expect(mergedLines.filter { $0.hasPrefix("CAMUNDA_OPERATE_IDENTITY_REDIRECT_ROOT_URL=") }.count == 1, "a removed owned line comes back")
        // Merging again changes nothing.
        #expect(try EnvFileMerge.merge(existing: merged, generated: regenerated, file: "operate.env") == merged)
        // Read back, the variables are exactly the new ones plus the operator's.
        let variables = EnvFileParser.variables(try EnvFileParser.parse(merged, file: "operate.env")).mapValues(\.value)
        let expected = EnvFileParser.variables(try EnvFileParser.parse(regenerated, file: "operate.env")).mapValues(\.value)
            .merging(["JAVA_OPTS": "-Xmx512m", "LOGGING_LEVEL_ROOT": "INFO"]) { $1 }
        #expect(variables == expected)
    }

    @Test func keysTheOperatorAddedToTheOverlaySurviveARewrite() throws {
        var config = try Self.answers("entra-helm")
        let generated = try OutputRenderer().render(config).first { $0.name == "values-oidc.yaml" }!.contents
        let edited = generated + "operate:\n  resources:\n    limits: {cpu: \"2\", memory: 2Gi}\n"
        let withAuthExtra = edited.replacingOccurrences(of: "    auth:\n", with: "    auth:\n      extraSetting: true\n")
        let setup = try SetupImporter().importHelmValues(withAuthExtra, file: "values-oidc.yaml")
        #expect(setup.notes.map(\.message).sorted() == [
            "global.identity.auth.extraSetting is not written by this tool: a rewrite of values-oidc.yaml keeps it",
            "operate.resources.limits.cpu is not written by this tool: a rewrite of values-oidc.yaml keeps it",
            "operate.resources.limits.memory is not written by this tool: a rewrite of values-oidc.yaml keeps it",
            "the secrets are in a Kubernetes Secret and no oidc-secret.yaml was found beside it: enter them again (or keep the Secret as it is)",
        ])
        config.set(.componentURL(.operate), "https://ops.camunda.example.com")
        let regenerated = try OutputRenderer().render(config).first { $0.name == "values-oidc.yaml" }!.contents
        let merged = try #require(HelmValuesMerge.merge(existing: withAuthExtra, generated: regenerated))
        #expect(merged.hasPrefix("# Helm values overlay, generated by camunda-oidc"))
        // Every key of the new overlay, plus the operator's, and nothing else; values exact.
        let file = OutputFile(name: "values-oidc.yaml", kind: .helmValues, contents: merged, holdsSecret: false)
        let keys = Dictionary(uniqueKeysWithValues: SetupDiff.keys(of: merged, file)!)
        let expected = Dictionary(uniqueKeysWithValues: SetupDiff.keys(of: regenerated, file)!)
            .merging(["global.identity.auth.extraSetting": "true", "operate.resources.limits.cpu": "2", "operate.resources.limits.memory": "2Gi"]) { $1 }
        #expect(keys == expected)
        // Read back, the rewritten overlay is the new configuration.
        let reread = try SetupImporter().importHelmValues(merged, file: "values-oidc.yaml", secretManifest: nil)
        #expect(reread.configuration.value(.componentURL(.operate)) == "https://ops.camunda.example.com")
        #expect(reread.configuration.value(.audience(.operate)) == config.value(.audience(.operate)))
        #expect(HelmValuesMerge.merge(existing: generated, generated: regenerated) == nil, "nothing foreign: the generated file stands")
    }

    @Test func sectionsTheToolDoesNotWriteAreKeptAsTheyWere() throws {
        let config = try Self.answers("generic-helm")
        let generated = try OutputRenderer().render(config).first { $0.name == "values-oidc.yaml" }!.contents
        let ours = "# sized for production\noperate:\n  resources:\n    limits: {cpu: \"2\", memory: 2Gi}  # peak\n\nzeebe:\n  clusterSize: 3\n"
        let existing = generated + ours
        let merged = try #require(HelmValuesMerge.merge(existing: existing, generated: generated))
        #expect(merged == generated + "\n# Keeps 'operate', 'zeebe' from the previous file, as it was (this tool does not write them).\n" + ours)
        #expect(HelmValuesMerge.merge(existing: merged, generated: generated) == merged, "merging again changes nothing")
    }

    /// The wizard shows the merged files; the writer merges the rendered ones with the disk again.
    /// Both must give the same bytes, however often it happens (a second merge once doubled lines).
    @Test func wizardAndWriterMergeToTheSameFile() throws {
        let config = try Self.answers("generic-env")
        let rendered = try OutputRenderer().render(config).first { $0.name == "web-modeler-restapi.env" }!
        let onDisk = rendered.contents + "# mine\nDB_PASSWORD=fake-db-password-NOT-REAL\n"
        var state = WizardState(config: config)
        state.baseline = ["web-modeler-restapi.env": onDisk]
        let shown = try state.mergedOutputFiles().first { $0.name == "web-modeler-restapi.env" }!
        #expect(shown.contents == onDisk)
        #expect(shown.holdsSecret, "it keeps a variable the tool does not own: 0600")
        let written = EnvFileMerge.mergedFile(rendered, existing: onDisk, existingIsPrivate: false)
        #expect(written == shown)
        #expect(EnvFileMerge.mergedFile(rendered, existing: written.contents, existingIsPrivate: true).contents == written.contents)
    }

    @Test func diffShowsKeysAndHidesSecrets() throws {
        let config = try Self.answers("entra-helm-inline")
        let old = try OutputRenderer().render(config)
        var changed = config
        changed.set(.clientSecret(.operate), "rotated-operate-secret-NOT-REAL")
        changed.set(.componentURL(.tasklist), "https://tasks.camunda.example.com")
        let diff = SetupDiff.compute(baseline: Dictionary(uniqueKeysWithValues: old.map { ($0.name, $0.contents) }),
                                     new: try OutputRenderer().render(changed))
        let values = diff.first { $0.file == "values-oidc.yaml" }!
        #expect(values.status == .changed)
        let operateSecret = values.changes.first { $0.key == "global.identity.auth.operate.existingSecret" }!
        #expect(operateSecret == KeyChange(key: "global.identity.auth.operate.existingSecret", kind: .changed, old: nil, new: nil, isSecret: true))
        #expect(values.changes.first { $0.key == "global.identity.auth.identity.existingSecret" }?.kind == .unchanged)
        #expect(values.changes.first { $0.key == "global.identity.auth.tasklist.redirectUrl" }
            == KeyChange(key: "global.identity.auth.tasklist.redirectUrl", kind: .changed,
                         old: "https://tasklist.camunda.example.com", new: "https://tasks.camunda.example.com", isSecret: false))
        #expect(!"\(diff)".contains("NOT-REAL"), "no secret value in the diff")
    }
}
