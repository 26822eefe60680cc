import Foundation
import TestSupport
import Testing

/// `--force` keeps backups; secrets come from the answers, the child's environment or a file.
@Suite struct ForceBackupTests {
    @Test("--force replaces the file and keeps the old one as NAME.bak with its contents and mode; then NAME.bak.1")
    func backups() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let arguments = ["generate", "--answers", CLIFixture.answersURL("entra-env").path, "--out", "out"]
        #expect(try sandbox.run(arguments).status == 0)
        let golden = try String(contentsOf: CLIFixture.goldenDirectory("entra-env").appendingPathComponent("identity.env"), encoding: .utf8)
        try sandbox.write("out/identity.env", "OLD=contents\n", mode: 0o640)

        let second = try sandbox.run(arguments + ["--force"])
        #expect(second.status == 0)
        #expect(second.stdout.contains("  out/identity.env (mode 0600), previous kept as out/identity.env.bak\n"))
        #expect(try sandbox.read("out/identity.env.bak") == "OLD=contents\n")
        #expect(try sandbox.mode("out/identity.env.bak") == 0o640)
        // The rewrite keeps the line the tool does not own, in place, and adds its own after it.
        let goldenLines = golden.split(separator: "\n", omittingEmptySubsequences: false)
        let header = goldenLines.prefix { !$0.isEmpty }.joined(separator: "\n")
        let body = goldenLines.drop { !$0.isEmpty }.dropFirst().joined(separator: "\n")
        let merged = header + "\nOLD=contents\n\n" + body
        #expect(try sandbox.read("out/identity.env") == merged)
        #expect(try sandbox.mode("out/identity.env") == 0o600)
        // The files that already held exactly this are left alone: no rewrite, no backup.
        #expect(!sandbox.exists("out/web-modeler-webapp.env.bak"))
        #expect(second.stdout.contains("Wrote 1 file:\n"))
        #expect(second.stdout.contains("Unchanged, not rewritten: operate.env, tasklist.env, optimize.env, zeebe-gateway.env, "
                                       + "web-modeler-webapp.env, web-modeler-restapi.env, connectors.env, registration-checklist.md\n"))
        expectNoSecretPrinted(second)

        let third = try sandbox.run(arguments + ["--force"])
        #expect(third.status == 0)
        #expect(third.stdout.hasPrefix("Wrote no file: each already held exactly this.\n"))
        #expect(try sandbox.read("out/identity.env") == merged, "merging again changes nothing")
        #expect(try sandbox.list("out").count == 9 + 1)

        try sandbox.write("out/identity.env", "OLD=again\n", mode: 0o600)
        let fourth = try sandbox.run(arguments + ["--force"])
        #expect(fourth.status == 0)
        #expect(fourth.stdout.contains("  out/identity.env (mode 0600), previous kept as out/identity.env.bak.1\n"))
        #expect(try sandbox.read("out/identity.env.bak") == "OLD=contents\n")
        #expect(try sandbox.read("out/identity.env.bak.1") == "OLD=again\n")
        #expect(try sandbox.list("out").count == 9 + 2)
    }

    @Test("--force with no existing file writes without backups")
    func forceOnEmptyDirectory() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let result = try sandbox.run(["generate", "--answers", CLIFixture.answersURL("generic-helm").path, "--out", "out", "--force"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("previous kept"))
        #expect(try sandbox.list("out") == ["oidc-secret.yaml", "registration-checklist.md", "values-oidc.yaml"])
    }
}

@Suite struct SecretSourceTests {
    @Test("secretEnv reads the variable from the child's environment only")
    func secretEnv() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let name = "CAMUNDA_OIDC_TEST_OPERATE_SECRET"
        #expect(ProcessInfo.processInfo.environment[name] == nil)
        try sandbox.write("answers.yaml", CLIFixture.genericInline(operateSecret: "secretEnv: \(name)"))
        let result = try sandbox.run(["generate", "--answers", "answers.yaml", "--out", "out"], environment: [name: "fake-env-secret-NOT-REAL"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        expectNoSecretPrinted(result)
        #expect(CLIFixture.overlayLine(try sandbox.read("out/values-oidc.yaml"), component: "operate", key: "existingSecret") == "\"fake-env-secret-NOT-REAL\"")
    }

    @Test("secretEnv: surrounding whitespace is trimmed with a note")
    func secretEnvTrimmed() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.write("answers.yaml", CLIFixture.genericInline(operateSecret: "secretEnv: CAMUNDA_OIDC_TEST_OPERATE_SECRET"))
        let result = try sandbox.run(["generate", "--answers", "answers.yaml", "--out", "out"],
                                     environment: ["CAMUNDA_OIDC_TEST_OPERATE_SECRET": "  fake-env-secret-NOT-REAL\n"])
        #expect(result.status == 0)
        #expect(result.stderrLines == ["note: components.operate.secretEnv: surrounding whitespace trimmed"])
        #expect(CLIFixture.overlayLine(try sandbox.read("out/values-oidc.yaml"), component: "operate", key: "existingSecret") == "\"fake-env-secret-NOT-REAL\"")
    }

    @Test("secretFile is relative to the answers file, not the working directory; one trailing newline is dropped silently",
          arguments: ["fake-file-secret-NOT-REAL\n", "fake-file-secret-NOT-REAL", "fake-file-secret-NOT-REAL\r\n"])
    func secretFileRelative(contents: String) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.write("conf/answers.yaml", CLIFixture.genericInline(operateSecret: "secretFile: secrets/operate.secret"))
        try sandbox.write("conf/secrets/operate.secret", contents, mode: 0o600)
        let result = try sandbox.run(["generate", "--answers", "conf/answers.yaml", "--out", "out"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        expectNoSecretPrinted(result)
        #expect(CLIFixture.overlayLine(try sandbox.read("out/values-oidc.yaml"), component: "operate", key: "existingSecret") == "\"fake-file-secret-NOT-REAL\"")
    }

    @Test("secretFile: more than one trailing newline is whitespace, trimmed with a note")
    func secretFileExtraNewlines() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.write("conf/answers.yaml", CLIFixture.genericInline(operateSecret: "secretFile: operate.secret"))
        try sandbox.write("conf/operate.secret", "fake-file-secret-NOT-REAL\n\n")
        let result = try sandbox.run(["generate", "--answers", "conf/answers.yaml", "--out", "out"])
        #expect(result.status == 0)
        #expect(result.stderrLines == ["note: components.operate.secretFile: surrounding whitespace trimmed"])
        #expect(CLIFixture.overlayLine(try sandbox.read("out/values-oidc.yaml"), component: "operate", key: "existingSecret") == "\"fake-file-secret-NOT-REAL\"")
    }

    @Test("secretFile with an absolute path, and secret forms mixed across components")
    func secretFileAbsolute() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let secretFile = try sandbox.write("abs/operate.secret", "fake-file-secret-NOT-REAL\n")
        try sandbox.write("answers.yaml", CLIFixture.genericInline(operateSecret: "secretFile: \(secretFile.path)",
                                                                   zeebeSecret: "secretEnv: CAMUNDA_OIDC_TEST_ZEEBE_SECRET"))
        let result = try sandbox.run(["generate", "--answers", "answers.yaml", "--out", "out"],
                                     environment: ["CAMUNDA_OIDC_TEST_ZEEBE_SECRET": "fake-env-secret-NOT-REAL"])
        #expect(result.status == 0, "\(result.stderr)")
        let overlay = try sandbox.read("out/values-oidc.yaml")
        #expect(CLIFixture.overlayLine(overlay, component: "identity", key: "existingSecret") == "\"fake-identity-secret-NOT-REAL\"")
        #expect(CLIFixture.overlayLine(overlay, component: "operate", key: "existingSecret") == "\"fake-file-secret-NOT-REAL\"")
        #expect(CLIFixture.overlayLine(overlay, component: "zeebe", key: "existingSecret") == "\"fake-env-secret-NOT-REAL\"")
        expectNoSecretPrinted(result)
    }
}
