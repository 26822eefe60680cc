import Foundation
import OIDCSetup
import TestSupport

/// The answers sets under Tests/Fixtures/answers: one per provider x format x Helm secret mode.
enum AnswersFixture {
    static let all = ["entra-helm", "entra-helm-inline", "entra-env", "generic-env", "generic-helm", "generic-helm-inline"] + later

    /// 8.6 and 8.7: each provider, format and secret mode where the outputs differ from 8.5's.
    static let later = [
        "8.6-entra-helm", "8.6-generic-helm", "8.6-entra-env", "8.6-generic-env",
        "8.7-entra-helm", "8.7-entra-helm-inline", "8.7-generic-helm-inline", "8.7-entra-env", "8.7-generic-env",
    ] + orchestrationModel

    /// 8.8 and 8.9: every version x provider x format x Helm secret mode.
    static let orchestrationModel = ["8.8", "8.9"].flatMap { version in
        ["entra-helm", "entra-helm-inline", "entra-env", "generic-helm", "generic-helm-inline", "generic-env"].map { "\(version)-\($0)" }
    }

    static func url(_ name: String) -> URL {
        Golden.fixtures.appendingPathComponent("answers/\(name).yaml")
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: url(name), encoding: .utf8)
    }

    static func answers(_ name: String) throws -> Answers {
        try AnswersFile.parse(text(name))
    }
}

/// Complete, valid configurations built in code, for tests that change one thing at a time.
enum SampleConfiguration {
    /// Generic provider, env output, every component of the version, Connectors inbound.
    static func generic(output: OutputFormat = .env, version: CamundaVersion = .v8_5) -> Configuration {
        var values: [FieldID: String] = [
            .issuer: "https://idp.example.com/realms/camunda",
            .tokenURL: "https://idp.example.com/realms/camunda/protocol/openid-connect/token",
            .jwksURL: "https://idp.example.com/realms/camunda/protocol/openid-connect/certs",
            .identityBaseURL: "http://identity:8084",
            .initialClaimValue: "admin@example.com",
            .webModelerClientAPIAudience: "camunda-web-modeler-api",
            .webModelerPublicAPIAudience: "camunda-web-modeler-public-api",
        ]
        for c in version.profile.components {
            if c.hasExternalURL { values[.componentURL(c)] = "https://\(c.rawValue.lowercased()).camunda.example.com" }
            values[.clientID(c)] = "camunda-\(c.rawValue)"
            if c.hasSecret { values[.clientSecret(c)] = "fake-\(c.rawValue)-secret-NOT-REAL" }
            if c.hasAudience { values[.audience(c)] = "camunda-\(c.rawValue)-api" }
        }
        if version.profile.asks(.webModelerAPIClientID) {
            values[.webModelerPublicAPIAudience] = nil
            values[.webModelerAPIClientID] = "camunda-web-modeler-public-api"
        }
        if version.profile.asks(.clusterZeebeVersion) { values[.clusterZeebeVersion] = "\(version.rawValue).3" }
        if version.profile.asks(.authorizationURL) { values[.authorizationURL] = "https://idp.example.com/realms/camunda/protocol/openid-connect/auth" }
        return Configuration(version: version, provider: .generic, output: output, selectedComponents: Set(version.profile.components), values: values)
    }

    /// Microsoft Entra ID, env output, every component of the version, Connectors inbound; audiences derived.
    static func entra(output: OutputFormat = .env, version: CamundaVersion = .v8_5) -> Configuration {
        var values: [FieldID: String] = [
            .tenantID: "11111111-2222-3333-4444-555555555555",
            .identityBaseURL: "http://identity:8084",
            .initialClaimValue: "99999999-8888-7777-6666-555555555555",
            .webModelerPublicAPIAudience: "api://camunda-web-modeler-public",
        ]
        for (index, c) in Component.allCases.enumerated() where version.profile.components.contains(c) {
            if c.hasExternalURL { values[.componentURL(c)] = "https://\(c.rawValue.lowercased()).camunda.example.com" }
            values[.clientID(c)] = entraClientID(index)
            if c.hasSecret { values[.clientSecret(c)] = "fake-\(c.rawValue)-secret~NOT-REAL" }
        }
        if version.profile.asks(.webModelerAPIClientID) {
            values[.webModelerPublicAPIAudience] = nil
            values[.webModelerAPIClientID] = entraClientID(Component.allCases.count)
        }
        if version.profile.asks(.clusterZeebeVersion) { values[.clusterZeebeVersion] = "\(version.rawValue).3" }
        return Configuration(version: version, provider: .microsoft, output: output, selectedComponents: Set(version.profile.components), values: values)
    }

    /// The fake client ID of the component at `index` in catalog order.
    static func entraClientID(_ index: Int) -> String {
        "00000000-0000-0000-0000-" + String(0xa + index, radix: 16).leftPadded(12)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
