import Foundation
import OIDCSetup
import TestSupport
import Testing

/// `generate` writes exactly the golden files, with exact modes.
@Suite struct GenerateOutputTests {
    @Test("generate writes files byte-identical to the goldens, with the core's modes", arguments: CLIFixture.answerSets)
    func matchesGoldens(set: String) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let result = try sandbox.run(["generate", "--answers", CLIFixture.answersURL(set).path, "--out", "out"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        expectNoSecretPrinted(result)
        let goldenNames = try FileManager.default.contentsOfDirectory(atPath: CLIFixture.goldenDirectory(set).path).sorted()
        #expect(try sandbox.list("out") == goldenNames)
        let expected = try OutputRenderer().render(AnswersFile.parse(String(contentsOf: CLIFixture.answersURL(set), encoding: .utf8)).configuration)
        for file in expected {
            let golden = try Data(contentsOf: CLIFixture.goldenDirectory(set).appendingPathComponent(file.name))
            #expect(try Data(contentsOf: sandbox.url("out/\(file.name)")) == golden, "\(file.name)")
            #expect(try sandbox.mode("out/\(file.name)") == Int(file.mode), "\(file.name)")
        }
    }

    @Test("env files with a secret are 0600, the others 0644; the created directory and its parents 0700")
    func envModes() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let result = try sandbox.run(["generate", "--answers", CLIFixture.answersURL("entra-env").path, "--out", "deploy/oidc"])
        #expect(result.status == 0, "\(result.stderr)")
        let modes = try Dictionary(uniqueKeysWithValues: sandbox.list("deploy/oidc").map { ($0, try sandbox.mode("deploy/oidc/\($0)")) })
        #expect(modes == [
            "identity.env": 0o600, "operate.env": 0o600, "tasklist.env": 0o600, "optimize.env": 0o600, "connectors.env": 0o600,
            "zeebe-gateway.env": 0o644, "web-modeler-webapp.env": 0o644, "web-modeler-restapi.env": 0o644,
            "registration-checklist.md": 0o644,
        ])
        #expect(try sandbox.mode("deploy") == 0o700)
        #expect(try sandbox.mode("deploy/oidc") == 0o700)
    }

    @Test("Helm modes: overlay 0644 and Secret manifest 0600; inline overlay 0600")
    func helmModes() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        #expect(try sandbox.run(["generate", "--answers", CLIFixture.answersURL("generic-helm").path, "--out", "secret"]).status == 0)
        #expect(try sandbox.mode("secret/values-oidc.yaml") == 0o644)
        #expect(try sandbox.mode("secret/oidc-secret.yaml") == 0o600)
        #expect(try sandbox.mode("secret/registration-checklist.md") == 0o644)
        #expect(try sandbox.run(["generate", "--answers", CLIFixture.answersURL("generic-helm-inline").path, "--out", "inline"]).status == 0)
        #expect(try sandbox.list("inline") == ["registration-checklist.md", "values-oidc.yaml"])
        #expect(try sandbox.mode("inline/values-oidc.yaml") == 0o600)
    }

    @Test("an existing output directory keeps its mode; the default output directory is the current one")
    func existingDirectory() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try FileManager.default.createDirectory(at: sandbox.url("shared"), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        #expect(try sandbox.run(["generate", "--answers", CLIFixture.answersURL("entra-helm").path, "--out", "shared"]).status == 0)
        #expect(try sandbox.mode("shared") == 0o755)
        #expect(try sandbox.run(["generate", "--answers", CLIFixture.answersURL("entra-helm").path]).status == 0)
        #expect(try sandbox.list("") == ["oidc-secret.yaml", "registration-checklist.md", "shared", "values-oidc.yaml"])
    }

    @Test("the summary lists each file with its mode and the next steps, and no secret")
    func summary() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let result = try sandbox.run(["generate", "--answers", CLIFixture.answersURL("entra-helm").path, "--out", "out"])
        #expect(result.stdout == """
            Wrote 3 files:
              out/values-oidc.yaml (mode 0644)
              out/oidc-secret.yaml (mode 0600)
              out/registration-checklist.md (mode 0644)
            Next:
              1. Register the applications: out/registration-checklist.md
              2. kubectl apply -n <namespace> -f out/oidc-secret.yaml
              3. helm upgrade --install <release> camunda/camunda-platform --version 10.x -n <namespace> -f values.yaml -f out/values-oidc.yaml

            """)
    }

    @Test("no temporary file is left behind")
    func noTemporaries() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        #expect(try sandbox.run(["generate", "--answers", CLIFixture.answersURL("generic-env").path, "--out", "out"]).status == 0)
        #expect(try sandbox.list("out").filter { $0.hasPrefix(".") } == [])
    }
}

/// `fields`, `--version`, `--help`.
@Suite struct InformationCommandTests {
    @Test("fields prints the field reference golden", arguments: [([], "all"), (["--provider", "generic"], "generic"), (["--provider", "microsoft"], "microsoft"),
                 (["--camunda", "8.5"], "all"), (["--camunda", "8.6"], "8.6-all"), (["--camunda", "8.7"], "8.7-all")])
    func fields(arguments: [String], golden: String) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let result = try sandbox.run(["fields"] + arguments)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        assertGolden(result.stdout, named: "fields/\(golden).txt")
    }

    @Test("--version prints the version")
    func version() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let result = try sandbox.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "0.1.0\n")
    }

    @Test("--help names the commands and exits 0")
    func help() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let result = try sandbox.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("generate"))
        #expect(result.stdout.contains("fields"))
        let generate = try sandbox.run(["generate", "--help"])
        #expect(generate.status == 0)
        #expect(generate.stdout.contains("--answers"))
        #expect(generate.stdout.contains("--force"))
    }
}
