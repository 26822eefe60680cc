import Foundation
import Testing

/// Exit statuses: 64 usage, 65 invalid answers, 66 unreadable input, 73 unwritable output.
@Suite struct ExitStatusTests {
    // MARK: 64

    @Test("an unknown flag, a secret given as an argument, or a missing --answers is a usage error (64)", arguments: [
        (["generate", "--answers", "a.yaml", "--bogus"], "Unknown option '--bogus'"),
        (["generate", "--answers", "a.yaml", "--secret", "fake-identity-secret-NOT-REAL"], "Unknown option '--secret'"),
        (["generate"], "Missing expected argument '--answers <answers>'"),
        (["fields", "--provider", "azure"], "The value 'azure' is invalid for '--provider <provider>'"),
        (["fields", "--camunda", "9.0"], "The value '9.0' is invalid for '--camunda <camunda>'"),
        (["check", ".", "--camunda", "9"], "The value '9' is invalid for '--camunda <camunda>'"),
    ])
    func usage(arguments: [String], message: String) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let result = try sandbox.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout == "")
        expectNoSecretPrinted(result)
        #expect(try sandbox.list("") == [])
    }

    // MARK: 65

    @Test("invalid answers: every error on stderr, one per line as `path: message`, warnings too, nothing written (65)")
    func invalidAnswers() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let answers = CLIFixture.genericInline(operateSecret: "secret: fake-zeebe-secret-NOT-REAL")
            .replacingOccurrences(of: "issuer: https://idp.example.com/realms/camunda", with: "issuer: idp.example.com/realms/camunda")
            .replacingOccurrences(of: "tokenUrl: https://idp.example.com/realms/camunda/protocol/openid-connect/token\n", with: "")
            + "  webModeler:\n    url: https://modeler.camunda.example.com\n    clientId: m\n    clientApiAudience: same\n    publicApiAudience: same\n"
        try sandbox.write("answers.yaml", answers)
        let result = try sandbox.run(["generate", "--answers", "answers.yaml", "--out", "out"])
        #expect(result.status == 65)
        #expect(result.stderrLines == [
            "issuer: must start with https:// (or http://): e.g. https://idp.example.com/realms/camunda",
            "tokenUrl: required",
            "components.webModeler.publicApiAudience: must differ from clientApiAudience, so that a web-app token cannot call the public API",
        ])
        #expect(result.stdout == "")
        expectNoSecretPrinted(result)
        #expect(!sandbox.exists("out"))
    }

    @Test("unreadable answers: each problem with file, line and key path (65)")
    func unparsableAnswers() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.write("answers.yaml", CLIFixture.genericInline(operateSecret: "secrt: fake-operate-secret-NOT-REAL")
            .replacingOccurrences(of: "output: helm", with: "output: kubernetes"))
        let result = try sandbox.run(["generate", "--answers", "answers.yaml", "--out", "out"])
        #expect(result.status == 65)
        #expect(result.stderrLines == [
            "answers.yaml:4: output: 'kubernetes' is not one of: env, helm",
            "answers.yaml:21: components.operate.secrt: unknown key 'secrt' (expected one of: url, clientId, audience, secret, secretEnv, secretFile)",
        ])
        expectNoSecretPrinted(result)
        #expect(!sandbox.exists("out"))
    }

    @Test("a secret with a line break is refused without being printed (65)")
    func secretWithLineBreak() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.write("answers.yaml", CLIFixture.genericInline(operateSecret: "secretEnv: CAMUNDA_OIDC_TEST_OPERATE_SECRET"))
        let result = try sandbox.run(["generate", "--answers", "answers.yaml", "--out", "out"],
                                     environment: ["CAMUNDA_OIDC_TEST_OPERATE_SECRET": "fake-multi\nline-NOT-REAL"])
        #expect(result.status == 65)
        #expect(result.stderrLines == ["components.operate.secret: contains a line break; remove it"])
        expectNoSecretPrinted(result)
        #expect(!result.stderr.contains("line-NOT-REAL"))
        #expect(!sandbox.exists("out"))
    }

    @Test("warnings are printed and do not block; the secret they are about is not printed")
    func warningsDoNotBlock() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let answers = try String(contentsOf: CLIFixture.answersURL("entra-helm"), encoding: .utf8)
            .replacingOccurrences(of: "secret: fake-operate-secret~NOT-REAL", with: "secret: 00000000-1111-2222-3333-fa4e5ec12e75")
            .replacingOccurrences(of: "  value: 99999999-8888-7777-6666-555555555555", with: "  value: admin")
        try sandbox.write("answers.yaml", answers)
        let result = try sandbox.run(["generate", "--answers", "answers.yaml", "--out", "out"])
        #expect(result.status == 0)
        #expect(result.stderrLines == [
            "warning: components.operate.secret: this looks like the Secret ID; paste the secret's Value",
            "warning: initialClaim.value: with claim 'oid' the value is a user's Object ID, a GUID; this one is not",
        ])
        expectNoSecretPrinted(result)
        #expect(try sandbox.list("out") == ["oidc-secret.yaml", "registration-checklist.md", "values-oidc.yaml"])
    }

    @Test("notes on ignored keys and trimmed values go to stderr and do not block")
    func notes() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.write("answers.yaml", CLIFixture.genericInline(operateSecret: "secret: \" fake-operate-secret-NOT-REAL \"")
            .replacingOccurrences(of: "helmSecrets: inline", with: "helmSecrets: inline\nidentityBaseUrl: http://identity:8084"))
        let result = try sandbox.run(["generate", "--answers", "answers.yaml", "--out", "out"])
        #expect(result.status == 0)
        #expect(result.stderrLines == [
            "note: components.operate.secret: surrounding whitespace trimmed",
            "note: identityBaseUrl: ignored, not used with output helm (the chart computes it)",
        ])
        #expect(CLIFixture.overlayLine(try sandbox.read("out/values-oidc.yaml"), component: "operate", key: "existingSecret") == "\"fake-operate-secret-NOT-REAL\"")
    }

    // MARK: 66

    @Test("a missing or unreadable answers file is 66")
    func missingAnswers() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let missing = try sandbox.run(["generate", "--answers", "missing.yaml", "--out", "out"])
        #expect(missing.status == 66)
        #expect(missing.stderrLines == ["camunda-oidc: cannot read the answers file missing.yaml: No such file or directory"])
        try FileManager.default.createDirectory(at: sandbox.url("adir"), withIntermediateDirectories: true)
        let directory = try sandbox.run(["generate", "--answers", "adir", "--out", "out"])
        #expect(directory.status == 66)
        #expect(directory.stderrLines == ["camunda-oidc: cannot read the answers file adir: Is a directory"])
        #expect(!sandbox.exists("out"))
    }

    @Test("a secretFile that cannot be read is 66 and nothing is written")
    func missingSecretFile() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.write("conf/answers.yaml", CLIFixture.genericInline(operateSecret: "secretFile: secrets/operate.secret"))
        let result = try sandbox.run(["generate", "--answers", "conf/answers.yaml", "--out", "out"])
        #expect(result.status == 66)
        #expect(result.stderrLines == ["components.operate.secretFile: cannot read conf/secrets/operate.secret: No such file or directory"])
        #expect(!sandbox.exists("out"))
    }

    @Test("a secretEnv variable that is not set is invalid answers (65)")
    func unsetSecretEnv() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let name = "CAMUNDA_OIDC_TEST_UNSET_\(UUID().uuidString.replacingOccurrences(of: "-", with: "_"))"
        try sandbox.write("answers.yaml", CLIFixture.genericInline(operateSecret: "secretEnv: \(name)"))
        let result = try sandbox.run(["generate", "--answers", "answers.yaml", "--out", "out"])
        #expect(result.status == 65)
        #expect(result.stderrLines == ["components.operate.secretEnv: the environment variable \(name) is not set"])
        #expect(!sandbox.exists("out"))
    }

    // MARK: 73

    @Test("an existing output file without --force is 73; nothing is written or changed")
    func existingFile() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.write("out/oidc-secret.yaml", "keep me\n", mode: 0o640)
        let result = try sandbox.run(["generate", "--answers", CLIFixture.answersURL("entra-helm").path, "--out", "out"])
        #expect(result.status == 73)
        #expect(result.stderrLines == ["camunda-oidc: nothing written: out/oidc-secret.yaml: exists; use --force to replace it (the old file is kept as a backup)"])
        #expect(try sandbox.list("out") == ["oidc-secret.yaml"])
        #expect(try sandbox.read("out/oidc-secret.yaml") == "keep me\n")
        #expect(try sandbox.mode("out/oidc-secret.yaml") == 0o640)
    }

    @Test("a symlink at a target path is refused (73), with or without --force; its target is untouched",
          arguments: [false, true])
    func symlinkTarget(force: Bool) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.write("elsewhere.txt", "not yours\n")
        try FileManager.default.createDirectory(at: sandbox.url("out"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: sandbox.url("out/values-oidc.yaml").path, withDestinationPath: "../elsewhere.txt")
        let result = try sandbox.run(["generate", "--answers", CLIFixture.answersURL("entra-helm").path, "--out", "out"] + (force ? ["--force"] : []))
        #expect(result.status == 73)
        #expect(result.stderrLines == ["camunda-oidc: nothing written: out/values-oidc.yaml: is a symbolic link; refusing to write through it"])
        #expect(try sandbox.read("elsewhere.txt") == "not yours\n")
        #expect(try sandbox.list("out") == ["values-oidc.yaml"])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: sandbox.url("out/values-oidc.yaml").path) == "../elsewhere.txt")
    }

    @Test("a dangling symlink at a target path is refused too (73)")
    func danglingSymlink() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try FileManager.default.createDirectory(at: sandbox.url("out"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: sandbox.url("out/registration-checklist.md").path, withDestinationPath: "../would-be-created.md")
        let result = try sandbox.run(["generate", "--answers", CLIFixture.answersURL("generic-env").path, "--out", "out", "--force"])
        #expect(result.status == 73)
        #expect(!sandbox.exists("would-be-created.md"))
        #expect(try sandbox.list("out") == ["registration-checklist.md"])
    }

    @Test("an output path that is a regular file, or a directory at a target path, is 73")
    func outIsAFile() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.write("out", "a file\n")
        let result = try sandbox.run(["generate", "--answers", CLIFixture.answersURL("entra-helm").path, "--out", "out"])
        #expect(result.status == 73)
        #expect(result.stderrLines == ["camunda-oidc: nothing written: out: is not a directory"])
        #expect(try sandbox.read("out") == "a file\n")
        try FileManager.default.createDirectory(at: sandbox.url("dir/values-oidc.yaml"), withIntermediateDirectories: true)
        let directoryTarget = try sandbox.run(["generate", "--answers", CLIFixture.answersURL("entra-helm").path, "--out", "dir", "--force"])
        #expect(directoryTarget.status == 73)
        #expect(directoryTarget.stderrLines == ["camunda-oidc: nothing written: dir/values-oidc.yaml: exists and is not a regular file"])
        #expect(try sandbox.list("dir") == ["values-oidc.yaml"])
    }
}
