import Foundation
import OIDCSetup
import Testing

/// The validation rules of the 8.8/8.9 spec (section 9), one test each, for both versions; every
/// message names its field.
@Suite struct OrchestrationValidationTests {
    static let versions: [CamundaVersion] = [.v8_8, .v8_9]
    static func issues(_ config: Configuration) -> [String] { ValidationTests.issues(config) }
    static func changed(_ config: Configuration, _ field: FieldID, _ value: String) -> Configuration {
        ValidationTests.changed(config, field, value)
    }

    /// The cluster and Connectors only (no Management Identity), generic provider.
    static func clusterOnly(_ version: CamundaVersion, output: OutputFormat = .env) -> Configuration {
        var config = SampleConfiguration.generic(output: output, version: version)
        config.selectedComponents = [.orchestration, .connectors]
        return config
    }

    @Test("the samples are clean: every rule below starts from no issue", arguments: versions)
    func samplesAreClean(version: CamundaVersion) {
        #expect(Self.issues(SampleConfiguration.entra(version: version)) == [])
        #expect(Self.issues(SampleConfiguration.generic(version: version)) == [])
        #expect(Self.issues(Self.changed(Self.clusterOnly(version), .ocAdminUsers, "alice")) == [])
    }

    @Test("the Orchestration cluster is always deployed, even when unticked", arguments: versions)
    func clusterAlwaysDeployed(version: CamundaVersion) {
        var config = SampleConfiguration.generic(version: version)
        config.selectedComponents.remove(.orchestration)
        #expect(config.isSelected(.orchestration))
        #expect(config.components.first == .orchestration)
        #expect(Self.issues(config) == [])
    }

    @Test("Optimize, Web Modeler and Console need Management Identity", arguments: versions)
    func managementIdentityRequired(version: CamundaVersion) {
        var config = SampleConfiguration.generic(version: version)
        config.selectedComponents.remove(.identity)
        config.set(.ocAdminUsers, "alice")
        #expect(Self.issues(config) == [
            "error components: Optimize needs Management Identity: users sign in to Optimize through it",
            "error components: Web Modeler needs Management Identity: the chart refuses to render Web Modeler without it",
            "error components: Console needs Management Identity: the chart refuses to render Console without it",
        ])
    }

    @Test("at least one cluster admin: a mapping rule value or a user name", arguments: versions)
    func atLeastOneAdmin(version: CamundaVersion) {
        #expect(Self.issues(Self.clusterOnly(version)) == [
            "error components.orchestration.admin.claimValue: no administrator for the cluster: give an admin claim value or at least one admin user name (this setup removes the chart's default admin 'demo', and without an admin nobody can grant access)",
        ])
        #expect(Self.issues(Self.changed(Self.changed(Self.clusterOnly(version), .ocAdminClaimName, "sub"), .ocAdminClaimValue, "1234")) == [])
        // With Management Identity the rule defaults to the initial claim, so its value counts.
        #expect(SampleConfiguration.generic(version: version).value(.ocAdminClaimValue) == "admin@example.com")
    }

    @Test("an admin claim value needs its claim name", arguments: versions)
    func claimNameWithValue(version: CamundaVersion) {
        #expect(Self.issues(Self.changed(Self.clusterOnly(version), .ocAdminClaimValue, "1234")) == [
            "error components.orchestration.admin.claimName: required with an admin claim value: the claim that carries it (e.g. sub, email, groups)",
        ])
        // Entra without Management Identity defaults the name to oid.
        var entra = SampleConfiguration.entra(version: version)
        entra.selectedComponents = [.orchestration, .connectors]
        #expect(entra.value(.ocAdminClaimName) == "oid")
    }

    @Test("with Management Identity the initial claim value is required, as in 8.5", arguments: versions)
    func initialClaimRequired(version: CamundaVersion) {
        let config = Self.changed(SampleConfiguration.generic(version: version), .initialClaimValue, "")
        #expect(Self.issues(config).contains("error initialClaim.value: required"))
        #expect(!Self.clusterOnly(version).applies(.initialClaimValue), "not asked without Management Identity")
    }

    @Test("the Connectors' client ID is in the cluster's connectors role, own app or shared", arguments: versions)
    func connectorsInTheirRole(version: CamundaVersion) throws {
        let own = SampleConfiguration.generic(output: .helm, version: version)
        let ownValues = try #require(try OutputRenderer().render(own).first { $0.kind == .helmValues }).contents
        #expect(ownValues.contains("connectors: {users: [], mappingRules: [], clients: [\"camunda-connectors\"]}"))
        var shared = SampleConfiguration.entra(output: .env, version: version)
        shared.set(.connectorsUseOrchestrationApp, "true")
        let orchestration = try #require(try OutputRenderer().render(shared).first { $0.name == "orchestration.env" }).contents
        #expect(orchestration.contains("CAMUNDA_SECURITY_INITIALIZATION_DEFAULTROLES_CONNECTORS_CLIENTS_0=\(shared.value(.clientID(.orchestration)))\n"))
    }

    @Test("Entra: a client ID claim other than azp is a warning", arguments: versions)
    func entraClientIDClaim(version: CamundaVersion) {
        #expect(Self.issues(Self.changed(SampleConfiguration.entra(version: version), .ocClientIDClaim, "appid")) == [
            "warning components.orchestration.clientIdClaim: Entra names the calling app in 'azp'; with 'appid' the cluster may not recognise Connectors and other machine clients",
        ])
        #expect(Self.issues(Self.changed(SampleConfiguration.generic(version: version), .ocClientIDClaim, "appid")) == [])
    }

    @Test("Entra: azp without 'prefer the username claim' is an error", arguments: versions)
    func entraPreferUsername(version: CamundaVersion) {
        #expect(Self.issues(Self.changed(SampleConfiguration.entra(version: version), .ocPreferUsernameClaim, "false")) == [
            "error components.orchestration.preferUsernameClaim: must be Yes with client ID claim azp: Entra's user tokens carry azp too, so every user would count as an application (here: as the Connectors client)",
        ])
        #expect(Self.issues(Self.changed(SampleConfiguration.generic(version: version), .ocPreferUsernameClaim, "false")) == [])
    }

    @Test("Entra: a cluster audience other than its client ID is a warning", arguments: versions)
    func entraAudience(version: CamundaVersion) {
        #expect(Self.issues(Self.changed(SampleConfiguration.entra(version: version), .audience(.orchestration), "api://camunda")) == [
            "warning components.orchestration.audience: differs from the client ID; Entra v2 tokens carry the client ID as 'aud' unless you set up an Application ID URI",
        ])
    }

    @Test("Entra: the Connectors' token scope ends in /.default (error) and names the cluster's app (warning)", arguments: versions)
    func entraConnectorsScope(version: CamundaVersion) {
        let entra = SampleConfiguration.entra(version: version)
        let clusterID = entra.value(.clientID(.orchestration))
        #expect(entra.value(.connectorsTokenScope) == clusterID + "/.default")
        #expect(Self.issues(Self.changed(entra, .connectorsTokenScope, clusterID)) == [
            "error components.connectors.tokenScope: must end in /.default (Entra: <Orchestration cluster client ID>/.default)",
        ])
        #expect(Self.issues(Self.changed(entra, .connectorsTokenScope, "99999999-0000-0000-0000-000000000000/.default")) == [
            "warning components.connectors.tokenScope: names another app than the Orchestration cluster's (\(clusterID)/.default): Entra would issue tokens the cluster rejects",
        ])
    }

    @Test("Entra: cluster scopes without <cluster client ID>/.default are a warning", arguments: versions)
    func entraScopes(version: CamundaVersion) {
        let entra = SampleConfiguration.entra(version: version)
        #expect(Self.issues(Self.changed(entra, .ocScopes, "openid profile")) == [
            "warning components.orchestration.scopes: has no \(entra.value(.clientID(.orchestration)))/.default: Entra then issues tokens for Microsoft Graph, which the cluster rejects",
        ])
    }

    @Test("generic: the authorization URL is required", arguments: versions)
    func genericAuthURL(version: CamundaVersion) {
        #expect(Self.issues(Self.changed(SampleConfiguration.generic(version: version), .authorizationURL, "")) == ["error authUrl: required"])
        #expect(Self.issues(Self.changed(SampleConfiguration.generic(version: version), .authorizationURL, "idp.example.com/auth")).first?
            .hasPrefix("error authUrl: must start with https://") == true)
    }

    @Test("the cluster's root URL: no /sso-callback, /operate or /tasklist; a trailing slash is dropped", arguments: versions)
    func clusterRootURL(version: CamundaVersion) throws {
        for path in ["/sso-callback", "/operate", "/tasklist/"] {
            #expect(Self.issues(Self.changed(SampleConfiguration.generic(version: version), .componentURL(.orchestration), "https://camunda.example.com" + path)) == [
                "error components.orchestration.url: ends in \(path.trimmingCharacters(in: ["/"]).isEmpty ? path : "/" + path.trimmingCharacters(in: ["/"])): give the cluster's root URL; the chart appends /sso-callback, /operate and /tasklist itself",
            ])
        }
        let slash = Self.changed(SampleConfiguration.generic(output: .helm, version: version), .componentURL(.orchestration), "https://camunda.example.com/")
        #expect(Self.issues(slash) == [])
        let values = try #require(try OutputRenderer().render(slash).first { $0.kind == .helmValues }).contents
        #expect(values.contains("redirectUrl: \"https://camunda.example.com\"\n"))
        #expect(slash.redirectURI(.orchestration) == "https://camunda.example.com/sso-callback")
    }

    @Test("user names, claims and scopes: no control characters; scopes are split at spaces and commas", arguments: versions)
    func namesClaimsScopes(version: CamundaVersion) {
        let config = SampleConfiguration.generic(version: version)
        #expect(Self.issues(Self.changed(config, .ocAdminUsers, "alice, b\u{7}ob")) == ["error components.orchestration.admin.users: contains a control character; remove it"])
        #expect(Self.issues(Self.changed(config, .ocUsernameClaim, "email\tx")) == ["error components.orchestration.usernameClaim: contains a tab; remove it"])
        #expect(Self.issues(Self.changed(config, .ocAdminClaimValue, "a\u{1}")) == ["error components.orchestration.admin.claimValue: contains a control character; remove it"])
        #expect(Self.changed(config, .ocScopes, " openid  profile,email ,").list(.ocScopes) == ["openid", "profile", "email"])
        #expect(Self.changed(config, .ocAdminUsers, " Max Müller , ,bob").list(.ocAdminUsers) == ["Max Müller", "bob"])
    }

    @Test("Helm inline secrets are a warning (Management Identity's lands in a ConfigMap)", arguments: versions)
    func inlineWarning(version: CamundaVersion) {
        var config = SampleConfiguration.generic(output: .helm, version: version)
        config.helmSecrets = .inline
        #expect(Self.issues(config) == [
            "warning helmSecrets: inline: the values file holds every secret in plain text, and chart \(version.chartLine) puts Management Identity's in its ConfigMap in plain text; a Kubernetes Secret keeps them out of both",
        ])
    }

    @Test("without Management Identity the inline warning does not speak of its ConfigMap", arguments: versions)
    func inlineWarningWithoutIdentity(version: CamundaVersion) {
        var config = SampleConfiguration.generic(output: .helm, version: version)
        config.helmSecrets = .inline
        config.selectedComponents = [.orchestration, .connectors]
        config.set(.ocAdminUsers, "alice")
        #expect(Self.issues(config) == [
            "warning helmSecrets: inline: the values file holds every secret in plain text; a Kubernetes Secret keeps them out of it",
        ])
    }

    @Test("Connectors sharing the cluster's app draw no 'same client ID' warning; an own app with its ID says how to share", arguments: versions)
    func sharedAppNoDuplicateWarning(version: CamundaVersion) {
        var shared = SampleConfiguration.generic(version: version)
        shared.set(.connectorsUseOrchestrationApp, "true")
        #expect(Self.issues(shared) == [])
        let own = Self.changed(SampleConfiguration.generic(version: version), .clientID(.connectors), "camunda-orchestration")
        #expect(Self.issues(own) == [
            "warning components.connectors.clientId: same client ID as Orchestration cluster: to use the cluster's app, choose it for Connectors (useOrchestrationApp: true)",
        ])
    }
}

/// The 8.8/8.9 answers-file keys: lists, yes/no choices, nested admin mapping, keys of other versions.
@Suite struct OrchestrationAnswersTests {
    static let minimal = """
        version: 1
        camunda: "8.8"
        provider: generic
        output: env
        authUrl: https://idp.example.com/auth
        tokenUrl: https://idp.example.com/token
        jwksUrl: https://idp.example.com/certs
        components:
          orchestration:
            url: https://camunda.example.com
            clientId: orchestration
            audience: orchestration-api
            secret: fake-orchestration-secret-NOT-REAL
            scopes: [openid, profile]
            preferUsernameClaim: true
            admin:
              users: [alice, "Max Müller"]

        """

    @Test func listsChoicesAndTheAdminMapping() throws {
        let config = try AnswersFile.parse(Self.minimal).configuration
        #expect(config.list(.ocScopes) == ["openid", "profile"])
        #expect(config.list(.ocAdminUsers) == ["alice", "Max Müller"])
        #expect(config.value(.ocPreferUsernameClaim) == "true")
        #expect(ValidationTests.issues(config) == [])
        // Written back and read again: the same answers.
        let again = try AnswersFile.parse(AnswersFile.render(config, secrets: [:])).configuration
        #expect(again.list(.ocAdminUsers) == ["alice", "Max Müller"] && again.list(.ocScopes) == ["openid", "profile"])
        #expect(AnswersFile.render(config, secrets: [:]).contains("      users: [\"alice\", \"Max Müller\"]\n"))
    }

    @Test("a yes/no outside its choices, and 8.7's components and keys, are errors that name the line and the way out")
    func badValuesAndOtherVersionsKeys() {
        #expect(AnswersFileTests.problems(Self.minimal.replacingOccurrences(of: "preferUsernameClaim: true", with: "preferUsernameClaim: maybe")) == [
            "line 15: components.orchestration.preferUsernameClaim: 'maybe' is not one of: true, false",
        ])
        #expect(AnswersFileTests.problems(Self.minimal + "  operate:\n    clientId: operate\n") == [
            "line 18: components.operate: Operate is not part of Camunda 8.8 (it is in 8.5, 8.6, 8.7); remove it or change 'camunda'",
        ])
        #expect(AnswersFileTests.problems(Self.minimal.replacingOccurrences(of: "camunda: \"8.8\"", with: "camunda: \"8.7\"")).first
            == "line 9: components.orchestration: Orchestration cluster is not part of Camunda 8.7 (it is in 8.8, 8.9); remove it or change 'camunda'")
    }
}
