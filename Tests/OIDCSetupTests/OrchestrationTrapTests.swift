import Foundation
import OIDCSetup
import Testing

/// `check`'s findings on Helm values for charts 13.x/14.x (issue 9 item 4, as the chart check refined
/// it): each trap, on the tool's own overlay with one thing changed, on both charts where they differ.
@Suite struct OrchestrationTrapTests {
    /// The 8.8/8.9 Entra overlay of the fixtures (Kubernetes Secret mode) as text.
    static func overlay(_ version: CamundaVersion, inline: Bool = false) throws -> String {
        let set = "\(version.rawValue)-entra-helm\(inline ? "-inline" : "")"
        let config = try AnswersFixture.answers(set).configuration
        return try #require(try OutputRenderer().render(config).first { $0.kind == .helmValues }).contents
    }

    /// The notes an import of the text gives, as "severity: line: message" (without the one saying
    /// that no Secret manifest lies beside it: these tests read the overlay alone).
    static func notes(_ text: String, _ version: CamundaVersion) -> [String] {
        guard let setup = try? SetupImporter(version: version).importHelmValues(text, file: "values.yaml") else { return ["import failed"] }
        return setup.notes
            .filter { !$0.message.hasPrefix("the secrets are in a Kubernetes Secret and no oidc-secret.yaml") }
            .map { "\($0.severity.rawValue): \($0.line.map(String.init) ?? "-"): \($0.message)" }
    }

    /// The text with only the first occurrence replaced (the cluster's block comes before the Connectors').
    static func replacingFirst(_ text: String, _ target: String, with replacement: String) -> String {
        guard let range = text.range(of: target) else { return text }
        return text.replacingCharacters(in: range, with: replacement)
    }

    static func line(of text: String, _ needle: String) -> Int {
        (text.components(separatedBy: "\n").firstIndex { $0.contains(needle) } ?? -1) + 1
    }

    @Test("the tool's own overlay has no finding", arguments: [CamundaVersion.v8_8, .v8_9])
    func ownOverlayIsClean(version: CamundaVersion) throws {
        let overlay = try Self.overlay(version)
        let inline = try Self.overlay(version, inline: true)
        #expect(Self.notes(overlay, version) == [])
        #expect(Self.notes(inline, version) == [])
    }

    @Test("method left at basic, or missing: the cluster and Connectors stay on basic auth (error)", arguments: [CamundaVersion.v8_8, .v8_9])
    func methodBasic(version: CamundaVersion) throws {
        let text = try Self.overlay(version)
        let basic = text.replacingOccurrences(of: "method: \"oidc\"", with: "method: \"basic\"")
        #expect(Self.notes(basic, version) == [
            "error: \(Self.line(of: basic, "method: \"basic\"")): global.security.authentication.method is 'basic': the cluster and Connectors stay on that, not OIDC (set it to oidc)",
        ])
        let missing = text.replacingOccurrences(of: "      method: \"oidc\"\n", with: "      other: x\n")
        #expect(Self.notes(missing, version).first
            == "error: -: global.security.authentication.method is not set: chart \(version.chartLine) defaults to basic, so the Orchestration cluster and Connectors stay on basic auth without an error (set it to oidc)")
    }

    @Test("components off by default, or global.identity.auth.enabled left false: their blocks have no effect (error)", arguments: [CamundaVersion.v8_8, .v8_9])
    func componentSwitchesOff(version: CamundaVersion) throws {
        let text = try Self.overlay(version)
        let off = text.replacingOccurrences(of: "optimize:\n  enabled: true\n", with: "")
            .replacingOccurrences(of: "console:\n  enabled: true\n", with: "console:\n  enabled: false\n")
            .replacingOccurrences(of: "      enabled: true\n      type:", with: "      type:")
        #expect(Self.notes(off, version) == [
            "error: -: optimize.enabled is not true: chart \(version.chartLine) leaves Optimize off by default, so global.identity.auth.optimize has no effect (set optimize.enabled: true)",
            "error: \(Self.line(of: off, "enabled: false")): console.enabled is not true: chart \(version.chartLine) leaves Console off by default, so global.identity.auth.console has no effect (set console.enabled: true)",
            "error: -: global.identity.auth.enabled is not true: chart \(version.chartLine) defaults it to false, which leaves Management Identity, Optimize, Web Modeler without their OIDC configuration (set it to true)",
        ])
    }

    @Test("a component's own method wins over the global one (error)")
    func componentMethod() throws {
        let text = try Self.overlay(.v8_8).replacingOccurrences(of: "orchestration:\n  security:\n", with: "orchestration:\n  security:\n    authentication:\n      method: basic\n")
            .replacingOccurrences(of: "    authentication:\n      method: basic\n    authentication:\n", with: "    authentication:\n      method: basic\n")
        let notes = Self.notes(text, .v8_8)
        #expect(notes == ["error: \(Self.line(of: text, "method: basic")): orchestration.security.authentication.method is 'basic': it wins over global.security.authentication.method, so orchestration is not on OIDC"])
    }

    @Test("a string existingSecret on 8.8: read as a Secret's name (error); beside the new form: ignored, fails on 8.9 (warning); on 8.9 refused (error)")
    func legacyStringSecret() throws {
        let oidc = "        clientId: \"00000000-0000-0000-0000-00000000000a\"\n"
        let withoutNew = Self.replacingFirst(try Self.overlay(.v8_8, inline: true),
            "        secret: {inlineSecret: \"fake-orchestration-secret~NOT-REAL\"}\n", with: "        existingSecret: \"MyLiteralSecret\"\n")
        let line = Self.line(of: withoutNew, "MyLiteralSecret")
        #expect(Self.notes(withoutNew, .v8_8) == [
            "error: \(line): orchestration.security.authentication.oidc.existingSecret is a string: chart 13.x reads it as the *name* of a Kubernetes Secret (with the old default key), not as the secret; write orchestration.security.authentication.oidc.secret.inlineSecret, or secret.{existingSecret, existingSecretKey} for a Secret",
        ])
        let beside = Self.replacingFirst(try Self.overlay(.v8_8), oidc, with: oidc + "        existingSecret: \"MyLiteralSecret\"\n")
        #expect(Self.notes(beside, .v8_8) == [
            "warning: \(Self.line(of: beside, "MyLiteralSecret")): orchestration.security.authentication.oidc.existingSecret is ignored by chart 13.x because orchestration.security.authentication.oidc.secret is set; chart 14.x fails on it: remove it",
        ])
        let on89 = Self.replacingFirst(try Self.overlay(.v8_9), oidc, with: oidc + "        existingSecret: \"\"\n")
        #expect(Self.notes(on89, .v8_9) == [
            "error: \(Self.line(of: on89, "existingSecret: \"\"")): orchestration.security.authentication.oidc.existingSecret: chart 14.x refuses to render ('The Helm values file key \"orchestration.security.authentication.oidc.existingSecret\" has been removed.'); use orchestration.security.authentication.oidc.secret.{existingSecret, existingSecretKey} or secret.inlineSecret",
        ])
    }

    @Test("global.identity.auth.orchestration/connectors: merged over the overlay on 8.8 (error), ignored on 8.9 (warning)")
    func oldBlocksOverride() throws {
        for (version, expected) in [(CamundaVersion.v8_8, "error: %d: global.identity.auth.connectors is merged over connectors.security.authentication.oidc by chart 13.x (a client ID there wins over this setup's): remove it"),
                                    (.v8_9, "warning: %d: global.identity.auth.connectors is ignored by chart 14.x: remove it (the settings go in connectors.security.authentication.oidc)")] {
            let text = try Self.overlay(version).replacingOccurrences(of: "    auth:\n", with: "    auth:\n      connectors:\n        clientId: \"old-connectors\"\n")
            #expect(Self.notes(text, version) == [expected.replacingOccurrences(of: "%d", with: String(Self.line(of: text, "      connectors:") + 1))])
        }
    }

    @Test("global.identity.auth.operate/tasklist/zeebe have no effect since 8.8 (warning)", arguments: ["operate", "tasklist", "zeebe"])
    func oldComponentBlocks(component: String) throws {
        let text = try Self.overlay(.v8_8).replacingOccurrences(of: "    auth:\n", with: "    auth:\n      \(component):\n        clientId: \"x\"\n")
        #expect(Self.notes(text, .v8_8) == [
            // The line of the block's first key (the node a mapping value starts at).
            "warning: \(Self.line(of: text, "      \(component):") + 1): global.identity.auth.\(component) has no effect since 8.8 (no template of chart 13.x reads it): Zeebe, Operate and Tasklist are one Orchestration cluster, configured in orchestration.security.authentication.oidc; remove it",
        ])
    }

    @Test("the cluster's own issuer wins over global.identity.auth's (warning)")
    func componentIssuer() throws {
        let oidc = "        clientId: \"00000000-0000-0000-0000-00000000000a\"\n"
        let text = Self.replacingFirst(try Self.overlay(.v8_8), oidc, with: oidc + "        issuer: \"https://old.example.com\"\n")
        let global = "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0"
        #expect(Self.notes(text, .v8_8) == [
            "warning: \(Self.line(of: text, "old.example.com")): orchestration.security.authentication.oidc.issuer ('https://old.example.com') wins over global.identity.auth.issuer ('\(global)') for the cluster: remove it or make them equal",
        ])
    }

    @Test("env files: orchestration.env without METHOD=oidc leaves the cluster on basic auth (error)", arguments: [CamundaVersion.v8_8, .v8_9])
    func envMethod(version: CamundaVersion) throws {
        let config = try AnswersFixture.answers("\(version.rawValue)-generic-env").configuration
        var files = Dictionary(uniqueKeysWithValues: try OutputRenderer().render(config).map { ($0.name, $0.contents) })
        #expect(try SetupImporter(version: version).importEnvFiles(files).notes == [])
        files["orchestration.env"] = files["orchestration.env"]!.replacingOccurrences(of: "CAMUNDA_SECURITY_AUTHENTICATION_METHOD=oidc\n", with: "")
        #expect(try SetupImporter(version: version).importEnvFiles(files).notes.map(\.description) == [
            "orchestration.env: CAMUNDA_SECURITY_AUTHENTICATION_METHOD is not set: the cluster stays on basic auth (set it to oidc)",
        ])
    }

    @Test("8.9 checks the Connectors' legacy keys only while Connectors are on")
    func connectorsOffOn89() throws {
        let oidc = "        clientId: \"00000000-0000-0000-0000-00000000000a\"\n        tokenScope:"
        let text = try Self.overlay(.v8_9).replacingOccurrences(of: oidc, with: "        existingSecret: \"x\"\n" + oidc)
            .replacingOccurrences(of: "\nconnectors:\n  security:\n", with: "\nconnectors:\n  enabled: false\n  security:\n")
        let notes = Self.notes(text, .v8_9)
        #expect(notes.contains { $0.hasPrefix("warning: ") && $0.contains("connectors.security.authentication.oidc.existingSecret: ignored while connectors.enabled is false") }, "\(notes)")
    }
}
