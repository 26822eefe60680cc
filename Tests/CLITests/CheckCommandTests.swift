import Foundation
import TestSupport
import Testing

/// `camunda-oidc check PATH`: every rule against an existing setup, naming file, key and field.
@Suite struct CheckCommandTests {
    /// Generates a set into `out` and returns the sandbox.
    static func generated(_ set: String) throws -> Sandbox {
        let sandbox = try Sandbox()
        let result = try sandbox.run(["generate", "--answers", CLIFixture.answersURL(set).path, "--out", "out"])
        #expect(result.status == 0)
        return sandbox
    }

    @Test("a good setup, each format: exit 0 and a one-line summary", arguments: [
        ("generic-env", "out", "env files in out: Camunda 8.5, Generic OIDC provider, Env files, Identity, Operate, Tasklist, Optimize, Zeebe, Web Modeler, Connectors: 0 errors, 0 warnings\n"),
        ("entra-helm", "out/values-oidc.yaml", "Helm values out/values-oidc.yaml: Camunda 8.5, Microsoft Entra ID, Helm values, Identity, Operate, Tasklist, Optimize, Zeebe, Web Modeler, Connectors: 0 errors, 0 warnings\n"),
        ("entra-helm", "out", "Helm values out/values-oidc.yaml: Camunda 8.5, Microsoft Entra ID, Helm values, Identity, Operate, Tasklist, Optimize, Zeebe, Web Modeler, Connectors: 0 errors, 0 warnings\n"),
    ])
    func clean(set: String, path: String, output: String) throws {
        let sandbox = try Self.generated(set)
        defer { sandbox.remove() }
        let result = try sandbox.run(["check", path])
        #expect(result.status == 0)
        #expect(result.stdout == output)
        #expect(result.stderr == "")
    }

    @Test("each later version's output checks clean, naming the version", arguments: CLIFixture.answerSets.filter { $0.hasPrefix("8.") })
    func laterVersionsClean(set: String) throws {
        let sandbox = try Self.generated(set)
        defer { sandbox.remove() }
        let result = try sandbox.run(["check", "out"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains(": Camunda \(set.prefix(3)), "))
        #expect(result.stdout.hasSuffix(": 0 errors, 0 warnings\n"), "\(result.stdout)")
        #expect(result.stderr == "")
    }

    @Test("8.5's Zeebe client in an 8.7 connectors.env: ignored by the component; an error when 8.7's own variable is missing")
    func crossVersionConnectorsVariable() throws {
        let sandbox = try Self.generated("8.7-entra-env")
        defer { sandbox.remove() }
        let connectors = try sandbox.read("out/connectors.env")
        try sandbox.write("out/connectors.env", connectors + "ZEEBE_CLIENT_ID=00000000-0000-0000-0000-000000000005\n", mode: 0o600)
        let line = connectors.split(separator: "\n", omittingEmptySubsequences: false).count
        let leftover = try sandbox.run(["check", "out"])
        #expect(leftover.status == 0)
        #expect(leftover.stdout.contains("note: connectors.env:\(line): ZEEBE_CLIENT_ID is read by Camunda 8.5, 8.6, not by Camunda 8.7 (Helm chart 12.x): the component ignores it (8.7 reads CAMUNDA_CLIENT_AUTH_CLIENT_ID); remove it\n"), "\(leftover.stdout)")

        // An 8.5-style file under an 8.7 header: Connectors get no Zeebe client at all.
        let upgraded = connectors.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("CAMUNDA_CLIENT_AUTH_CLIENT_ID=") }.joined(separator: "\n") + "ZEEBE_CLIENT_ID=00000000-0000-0000-0000-000000000005\n"
        try sandbox.write("out/connectors.env", upgraded, mode: 0o600)
        let broken = try sandbox.run(["check", "out"])
        #expect(broken.status == 65)
        #expect(broken.stdout.contains("error: connectors.env:"), "\(broken.stdout)")
        #expect(broken.stdout.contains("ZEEBE_CLIENT_ID is read by Camunda 8.5, 8.6, not by Camunda 8.7 (Helm chart 12.x): the component ignores it; 8.7 reads CAMUNDA_CLIENT_AUTH_CLIENT_ID instead, which is missing\n"))
    }

    @Test("keys and files of another version: Console's block in an 8.5 overlay, console.env beside 8.5 env files")
    func crossVersionKeysAndFiles() throws {
        let sandbox = try Self.generated("entra-helm")
        defer { sandbox.remove() }
        let values = try sandbox.read("out/values-oidc.yaml").replacingOccurrences(
            of: "identityKeycloak:", with: "      console:\n        clientId: \"x\"\nidentityKeycloak:")
        // Put the console block under global.identity.auth (the line before identityKeycloak closes that mapping).
        try sandbox.write("out/values-oidc.yaml", values)
        let helm = try sandbox.run(["check", "out/values-oidc.yaml"])
        #expect(helm.stdout.contains("global.identity.auth.console.clientId is a key of Camunda 8.6, 8.7, 8.8, 8.9, not Camunda 8.5 (Helm chart 10.x): chart 10.x ignores it\n"), "\(helm.stdout)")

        let env = try Self.generated("entra-env")
        defer { env.remove() }
        try env.write("out/console.env", "CAMUNDA_IDENTITY_CLIENT_ID=x\n")
        let result = try env.run(["check", "out"])
        #expect(result.stdout.contains("note: console.env: is a file of Camunda 8.6, 8.7, 8.8, 8.9, not Camunda 8.5 (Helm chart 10.x): ignored\n"), "\(result.stdout)")
    }

    @Test("an 8.5 overlay checked as 8.8 and 8.9: basic auth, the secret read as a Secret's name (8.8) or refused (8.9), the old blocks")
    func orchestrationTraps() throws {
        let sandbox = try Self.generated("entra-helm-inline")
        defer { sandbox.remove() }
        let on88 = try sandbox.run(["check", "out/values-oidc.yaml", "--camunda", "8.8"])
        #expect(on88.status == 65)
        for expected in [
            "error: out/values-oidc.yaml: global.security.authentication.method is not set: chart 13.x defaults to basic, so the Orchestration cluster and Connectors stay on basic auth without an error (set it to oidc)\n",
            "error: out/values-oidc.yaml:19: global.identity.auth.identity.existingSecret is a string: chart 13.x reads it as the *name* of a Kubernetes Secret",
            "error: out/values-oidc.yaml:49: global.identity.auth.connectors is merged over connectors.security.authentication.oidc by chart 13.x",
            "note: out/values-oidc.yaml:24: global.identity.auth.operate has no effect since 8.8",
            "note: out/values-oidc.yaml:39: global.identity.auth.zeebe has no effect since 8.8",
            "error: components.orchestration.clientId: required\n",
        ] {
            #expect(on88.stdout.contains(expected), "\(expected)\n\(on88.stdout)")
        }
        let on89 = try sandbox.run(["check", "out/values-oidc.yaml", "--camunda", "8.9"])
        #expect(on89.status == 65)
        #expect(on89.stdout.contains("error: out/values-oidc.yaml:19: global.identity.auth.identity.existingSecret: chart 14.x refuses to render ('The Helm values file key \"global.identity.auth.identity.existingSecret\" has been removed.')"), "\(on89.stdout)")
        #expect(on89.stdout.contains("note: out/values-oidc.yaml:49: global.identity.auth.connectors is ignored by chart 14.x"), "\(on89.stdout)")
    }

    @Test("hand-written files that do not say their version: check asks for --camunda (exit 64), then reads them as that")
    func versionRequiredWhenFilesDoNotSay() throws {
        let sandbox = try Self.generated("8.7-entra-env")
        defer { sandbox.remove() }
        for name in try FileManager.default.contentsOfDirectory(atPath: sandbox.url("out").path) where name.hasSuffix(".env") || name.hasSuffix(".yaml") {
            let text = try sandbox.read("out/\(name)")
            try sandbox.write("out/\(name)", text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("# ") }.joined(separator: "\n"), mode: 0o600)
        }
        let unknown = try sandbox.run(["check", "out"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr == "camunda-oidc check: out: the files do not say which Camunda version they are for; give it with --camunda 8.5|8.6|8.7|8.8|8.9\n")
        let given = try sandbox.run(["check", "out", "--camunda", "8.7"])
        #expect(given.status == 0, "\(given.stdout)")
        #expect(given.stdout.hasSuffix("env files in out: Camunda 8.7, Microsoft Entra ID, Env files, Identity, Operate, Tasklist, Optimize, Zeebe, Web Modeler, Connectors, Console: 0 errors, 0 warnings\n"), "\(given.stdout)")
        // Read as 8.5, the same files show what 8.5 would not read.
        let wrong = try sandbox.run(["check", "out", "--camunda", "8.5"])
        #expect(wrong.status == 65)
        #expect(wrong.stdout.contains("CAMUNDA_CLIENT_AUTH_CLIENT_ID is read by Camunda 8.7, not by Camunda 8.5 (Helm chart 10.x): the component ignores it; 8.5 reads ZEEBE_CLIENT_ID instead, which is missing\n"), "\(wrong.stdout)")
    }

    @Test("an answers file says its version: a --camunda that contradicts it is a usage error (64)")
    func answersFileVersionContradicted() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let path = CLIFixture.answersURL("8.7-generic-helm-inline").path
        let same = try sandbox.run(["check", path, "--camunda", "8.7"])
        #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
        let other = try sandbox.run(["check", path, "--camunda", "8.6"])
        #expect(other.status == 64)
        #expect(other.stderr == "camunda-oidc check: \(path): the answers file says camunda: \"8.7\"; --camunda 8.6 contradicts it (change the file's camunda: key to check it as 8.6)\n")
    }

    @Test("an answers file is checked too, its secret references resolved")
    func answersFile() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let result = try sandbox.run(["check", CLIFixture.answersURL("entra-helm").path])
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix(": 0 errors, 0 warnings\n"))
    }

    @Test("errors and warnings name file, line, key and field; warnings pass unless --strict")
    func problems() throws {
        let sandbox = try Self.generated("entra-env")
        defer { sandbox.remove() }
        var operate = try sandbox.read("out/operate.env")
        operate = operate.replacingOccurrences(of: "CAMUNDA_OPERATE_IDENTITY_REDIRECT_ROOT_URL=https://", with: "CAMUNDA_OPERATE_IDENTITY_REDIRECT_ROOT_URL=http://")
        try sandbox.write("out/operate.env", operate)
        let warned = try sandbox.run(["check", "out"])
        #expect(warned.status == 0)
        let line = operate.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("CAMUNDA_OPERATE_IDENTITY_REDIRECT_ROOT_URL=") }! + 1
        #expect(warned.stdout.contains("warning: operate.env:\(line): CAMUNDA_OPERATE_IDENTITY_REDIRECT_ROOT_URL (components.operate.url): uses http on a non-local host: tokens and cookies travel unencrypted; use https\n"))
        #expect(try sandbox.run(["check", "out", "--strict"]).status == 65)

        var zeebe = try sandbox.read("out/zeebe-gateway.env")
        zeebe += "# hand edit\n"
        try sandbox.write("out/zeebe-gateway.env", zeebe)
        let identity = try sandbox.read("out/identity.env").replacingOccurrences(of: "CAMUNDA_IDENTITY_CLIENT_ID=", with: "CAMUNDA_IDENTITY_CLIENT_ID=not-a-guid-")
        try sandbox.write("out/identity.env", identity)
        let failed = try sandbox.run(["check", "out"])
        #expect(failed.status == 65)
        #expect(failed.stdout.contains("error: identity.env:"))
        #expect(failed.stdout.contains("CAMUNDA_IDENTITY_CLIENT_ID (components.identity.clientId): must be a GUID: the Identity app's Application (client) ID from its Overview page\n"))
        #expect(!failed.stdout.contains("NOT-REAL"), "no secret is printed")
    }

    @Test("what the files leave out or spell wrong: a lower-case type is an error, a missing token scope a warning")
    func omissions() throws {
        let sandbox = try Self.generated("entra-helm")
        defer { sandbox.remove() }
        var values = try sandbox.read("out/values-oidc.yaml")
        values = values.replacingOccurrences(of: "type: \"MICROSOFT\"", with: "type: \"microsoft\"")
        values = values.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("tokenScope:") }.joined(separator: "\n")
        try sandbox.write("out/values-oidc.yaml", values)
        let result = try sandbox.run(["check", "out/values-oidc.yaml"])
        #expect(result.status == 65)
        #expect(result.stdout.contains("error: out/values-oidc.yaml:9: global.identity.auth.type is 'microsoft': write MICROSOFT in upper case, the chart compares it case-sensitively\n"))
        #expect(result.stdout.contains("warning: components.zeebe.tokenScope: not set in the files (global.identity.auth.zeebe.tokenScope): the component uses its own default; this tool would write '00000000-0000-0000-0000-00000000000e/.default'\n"))
    }

    @Test("generate --force keeps the operator's lines once, and never loosens a file's mode")
    func rewriteKeepsForeignLinesPrivately() throws {
        let sandbox = try Self.generated("generic-env")
        defer { sandbox.remove() }
        let original = try sandbox.read("out/web-modeler-restapi.env")
        try sandbox.write("out/web-modeler-restapi.env", original + "# mine\nDB_PASSWORD=fake-db-password-NOT-REAL\nSTART=$HOME/x\n", mode: 0o600)
        for _ in 0..<2 {
            #expect(try sandbox.run(["generate", "--answers", CLIFixture.answersURL("generic-env").path, "--out", "out", "--force"]).status == 0)
        }
        let rewritten = try sandbox.read("out/web-modeler-restapi.env")
        #expect(rewritten == original + "# mine\nDB_PASSWORD=fake-db-password-NOT-REAL\nSTART=$HOME/x\n", "kept once, in place, the unreadable line too")
        #expect(try sandbox.mode("out/web-modeler-restapi.env") == 0o600)
    }

    @Test("malformed input: file and line, exit 65", arguments: [
        ("out/identity.env", "CAMUNDA_IDENTITY_TYPE=MICROSOFT\nthis line is wrong\n", "camunda-oidc check: out/identity.env:2: expected NAME=value (or a # comment)\n"),
        ("values.yaml", "global:\n  identity:\n    auth: [\n", "camunda-oidc check: values.yaml:4: not valid YAML: while parsing a flow node did not find expected node content\n"),
        ("values.yaml", "global:\n  identity:\n    auth:\n      operate:\n        clientId: {a: b}\n", "camunda-oidc check: values.yaml:5: global.identity.auth.operate.clientId should be a single value, not a mapping\n"),
    ])
    func malformed(file: String, contents: String, message: String) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.write(file, contents)
        let result = try sandbox.run(["check", file.hasSuffix(".env") ? "out" : file])
        #expect(result.status == 65)
        #expect(result.stderr == message)
    }

    @Test("a path that cannot be read: exit 66")
    func unreadable() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let missing = try sandbox.run(["check", "nowhere"])
        #expect(missing.status == 66)
        #expect(missing.stderr == "camunda-oidc check: nowhere: No such file or directory\n")
        try sandbox.write("empty/README", "nothing here\n")
        let empty = try sandbox.run(["check", "empty"])
        #expect(empty.status == 66)
        #expect(empty.stderr.hasPrefix("camunda-oidc check: empty: no setup found"))
    }
}
