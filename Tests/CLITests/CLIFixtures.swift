import Foundation
import OIDCSetup
import TestSupport
import Testing

/// Answers used by the CLI tests, and what to check on every run.
enum CLIFixture {
    static let answerSets = ["entra-helm", "entra-helm-inline", "entra-env", "generic-env", "generic-helm", "generic-helm-inline",
                             "8.6-entra-helm", "8.6-generic-helm", "8.6-entra-env", "8.6-generic-env",
                             "8.7-entra-helm", "8.7-entra-helm-inline", "8.7-generic-helm-inline", "8.7-entra-env", "8.7-generic-env",
                             "8.8-entra-helm", "8.8-generic-helm", "8.8-entra-env", "8.8-generic-env",
                             "8.9-entra-helm", "8.9-generic-helm", "8.9-entra-env", "8.9-generic-env"]

    static func answersURL(_ set: String) -> URL {
        Golden.fixtures.appendingPathComponent("answers/\(set).yaml")
    }

    static func goldenDirectory(_ set: String) -> URL {
        Golden.directory.appendingPathComponent("outputs/\(set)")
    }

    /// Every fake secret the fixtures and the tests below use; none may ever be printed.
    static let secrets: [String] = Component.allCases.filter(\.hasSecret).flatMap {
        ["fake-\($0.rawValue)-secret~NOT-REAL", "fake-\($0.rawValue)-secret-NOT-REAL"]
    } + ["fake-env-secret-NOT-REAL", "fake-file-secret-NOT-REAL", "fake-multi\nline-NOT-REAL", "00000000-1111-2222-3333-fa4e5ec12e75"]

    /// A small generic Helm-inline answers file whose Operate and Zeebe secrets come from elsewhere.
    static func genericInline(operateSecret: String, zeebeSecret: String = "secret: fake-zeebe-secret-NOT-REAL") -> String {
        """
        version: 1
        camunda: "8.5"
        provider: generic
        output: helm
        issuer: https://idp.example.com/realms/camunda
        tokenUrl: https://idp.example.com/realms/camunda/protocol/openid-connect/token
        jwksUrl: https://idp.example.com/realms/camunda/protocol/openid-connect/certs
        helmSecrets: inline
        initialClaim:
          value: admin@example.com
        components:
          identity:
            url: https://identity.camunda.example.com
            clientId: camunda-identity
            audience: camunda-identity-api
            secret: fake-identity-secret-NOT-REAL
          operate:
            url: https://operate.camunda.example.com
            clientId: camunda-operate
            audience: camunda-operate-api
            \(operateSecret)
          zeebe:
            clientId: camunda-zeebe
            audience: camunda-zeebe-api
            \(zeebeSecret)

        """
    }

    /// The value the overlay gives a key of `global.identity.auth` (`operate.existingSecret`), read as text.
    static func overlayLine(_ overlay: String, component: String, key: String) -> String? {
        let lines = overlay.split(separator: "\n").map(String.init)
        guard let start = lines.firstIndex(of: "      \(component):") else { return nil }
        for line in lines[(start + 1)...] {
            guard line.hasPrefix("        ") else { break }
            if line.hasPrefix("        \(key): ") { return String(line.dropFirst("        \(key): ".count)) }
        }
        return nil
    }
}

/// No fake secret appears in what the binary printed.
func expectNoSecretPrinted(_ result: CLI.Result, sourceLocation: SourceLocation = #_sourceLocation) {
    for secret in CLIFixture.secrets {
        #expect(!result.stdout.contains(secret), "stdout shows a secret", sourceLocation: sourceLocation)
        #expect(!result.stderr.contains(secret), "stderr shows a secret", sourceLocation: sourceLocation)
    }
}
