#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import Foundation
import Testing

/// Every input path reads a bounded amount of a regular file, and every YAML input has the same
/// alias bound; the same input gives the same exit status everywhere.
///
/// Each run has a time limit and runs under `ulimit -v` (512 MiB): without the bounds these runs
/// hang (a FIFO), or grow until memory runs out (/dev/zero, an alias bomb: 2 GB in 15 s).
@Suite struct BoundedInputTests {
    static let memoryLimitKB = 512 * 1024
    static let timeout: Double = 60

    static func run(_ sandbox: Sandbox, _ arguments: [String]) throws -> CLI.Result {
        try sandbox.run(arguments, timeout: timeout, memoryLimitKB: memoryLimitKB)
    }

    // MARK: Alias bombs

    /// Nine levels of ten aliases each: 10^9 nodes from about 400 bytes.
    static func aliasLevels(mapping: Bool) -> String {
        let leaves = (0..<10).map { mapping ? "k\($0): v" : "v" }.joined(separator: ", ")
        var lines = ["l0: &l0 " + (mapping ? "{\(leaves)}" : "[\(leaves)]")]
        for level in 1...8 {
            let items = (0..<10).map { mapping ? "k\($0): *l\(level - 1)" : "*l\(level - 1)" }.joined(separator: ", ")
            lines.append("l\(level): &l\(level) " + (mapping ? "{\(items)}" : "[\(items)]"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A values file whose bomb sits where the importer walks (global.identity.auth), as a value or a key.
    static func valuesBomb(asKey: Bool) -> String {
        aliasLevels(mapping: true) + (asKey
            ? "? *l8\n: x\nglobal: {identity: {auth: {type: MICROSOFT}}}\n"
            : "global:\n  identity:\n    auth:\n      type: MICROSOFT\n      extra: *l8\n")
    }

    static let answersBomb = "version: 1\nprovider: generic\noutput: env\ncomponents:\n  identity:\n    ? *l8\n    : x\n"

    @Test("an alias bomb is refused by every YAML reader: exit 65 with the alias's line, bounded time and memory", arguments: [
        "check values (value)", "check values (key)", "check Secret manifest", "check answers", "generate answers", "--from values",
    ])
    func aliasBombs(reader: String) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let arguments: [String]
        // The alias that takes the expansion past the limit is one of l3's (line 4), in both shapes.
        let line = 4
        switch reader {
        case "check values (value)":
            try sandbox.write("values.yaml", Self.valuesBomb(asKey: false))
            arguments = ["check", "values.yaml"]
        case "check values (key)":
            try sandbox.write("values.yaml", Self.valuesBomb(asKey: true))
            arguments = ["check", "values.yaml"]
        case "check Secret manifest":
            let generated = try sandbox.run(["generate", "--answers", CLIFixture.answersURL("entra-helm").path, "--out", "out"])
            #expect(generated.status == 0)
            try sandbox.write("out/oidc-secret.yaml", Self.aliasLevels(mapping: false) + "kind: Secret\nstringData: {bomb: *l8}\n")
            arguments = ["check", "out/values-oidc.yaml"]
        case "check answers", "generate answers":
            try sandbox.write("answers.yaml", Self.aliasLevels(mapping: true) + Self.answersBomb)
            arguments = reader == "check answers" ? ["check", "answers.yaml"] : ["generate", "--answers", "answers.yaml", "--out", "out"]
        default:
            try sandbox.write("values.yaml", Self.valuesBomb(asKey: false))
            arguments = ["--from", "values.yaml"]
        }
        let result = try Self.run(sandbox, arguments)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains(":\(line): the alias *l"), "\(result.stderr)")
        #expect(result.stderr.contains("past 10000 nodes"), "\(result.stderr)")
        #expect(result.stderr.contains("alias bomb"))
        #expect(!sandbox.exists("out/identity.env"))
    }

    @Test("a few small anchors, as values files use them (<<: *defaults), are read as usual")
    func smallAnchorsPass() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let generated = try sandbox.run(["generate", "--answers", CLIFixture.answersURL("entra-helm").path, "--out", "out"])
        #expect(generated.status == 0)
        let overlay = try sandbox.read("out/values-oidc.yaml")
        try sandbox.write("out/values-oidc.yaml", "x-defaults: &defaults {cpu: 1, memory: 2Gi}\n" + overlay + "operate:\n  resources: {<<: *defaults}\ntasklist:\n  resources: *defaults\n")
        let result = try Self.run(sandbox, ["check", "out/values-oidc.yaml"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(!result.stderr.contains("alias"))
    }

    // MARK: Endless inputs

    static func makeFIFO(_ sandbox: Sandbox, _ name: String) throws -> String {
        let path = sandbox.url(name).path
        guard mkfifo(path, 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
        return name
    }

    @Test("/dev/zero, a FIFO (with no writer) and a file over 1 MiB: every reader refuses at once with the path and the reason, exit 66",
          arguments: ["check", "generate --answers", "--from", "secretFile"])
    func endlessInputs(reader: String) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let fifo = try Self.makeFIFO(sandbox, "fifo")
        try sandbox.write("big.yaml", "# " + String(repeating: "x", count: 1 << 20) + "\n")
        for (path, reason) in [("/dev/zero", "is a character device, not a regular file"), (fifo, "is a FIFO (named pipe), not a regular file"),
                               ("big.yaml", "is larger than 1 MiB")] {
            let arguments: [String]
            switch reader {
            case "check": arguments = ["check", path]
            case "generate --answers": arguments = ["generate", "--answers", path, "--out", "out"]
            case "--from": arguments = ["--from", path]
            default:
                try sandbox.write("answers.yaml", CLIFixture.genericInline(operateSecret: "secretFile: \(path)"))
                arguments = ["generate", "--answers", "answers.yaml", "--out", "out"]
            }
            let result = try Self.run(sandbox, arguments)
            #expect(result.status == 66, "\(reader) \(path): \(result.stderr)")
            #expect(result.stderr.contains("\(path): \(reason)"), "\(reader) \(path): \(result.stderr)")
            #expect(result.stderr.utf8.count < 300)
            #expect(!sandbox.exists("out"))
        }
    }

    // MARK: Same input, same status

    @Test("an answers file that is not UTF-8 is invalid input (65) for generate and check alike, with its line")
    func notUTF8IsInvalid() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        var bytes = Array(CLIFixture.genericInline(operateSecret: "secret: fake-operate-secret-NOT-REAL").utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "\n"))!  // end of line 1
        bytes.insert(contentsOf: Array("\n# caf".utf8) + [0xE9] + Array("\n".utf8), at: at)  // a Latin-1 comment on line 2
        try Data(bytes).write(to: sandbox.url("answers.yaml"))
        let generated = try Self.run(sandbox, ["generate", "--answers", "answers.yaml", "--out", "out"])
        #expect(generated.status == 65)
        #expect(generated.stderr == "answers.yaml:2: not UTF-8 text; save the answers file as UTF-8\n")
        let checked = try Self.run(sandbox, ["check", "answers.yaml"])
        #expect(checked.status == 65)
        #expect(checked.stderr == "camunda-oidc check: answers.yaml:2: not UTF-8 text; save the file as UTF-8\n")
        #expect(!sandbox.exists("out"))
    }

    @Test("a secretFile that is not UTF-8 is invalid (65), and the message gives no line of the secret")
    func secretFileNotUTF8() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try Data([0x66, 0x61, 0x6B, 0x65, 0xFF, 0x0A]).write(to: sandbox.url("operate.secret"))
        try sandbox.write("answers.yaml", CLIFixture.genericInline(operateSecret: "secretFile: operate.secret"))
        let result = try Self.run(sandbox, ["generate", "--answers", "answers.yaml", "--out", "out"])
        #expect(result.status == 65)
        #expect(result.stderrLines == ["components.operate.secretFile: operate.secret is not UTF-8 text"])
    }

    @Test("a huge bad value is quoted in at most 80 characters, with its length")
    func hugeValueIsNotEchoed() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let huge = String(repeating: "g", count: 100_000)
        try sandbox.write("answers.yaml", CLIFixture.genericInline(operateSecret: "secret: fake-operate-secret-NOT-REAL")
            .replacingOccurrences(of: "provider: generic", with: "provider: \(huge)"))
        for arguments in [["generate", "--answers", "answers.yaml", "--out", "out"], ["check", "answers.yaml"]] {
            let result = try Self.run(sandbox, arguments)
            #expect(result.status == 65)
            #expect(result.stderr.contains("'" + String(repeating: "g", count: 79) + "… (100000 characters)' is not one of: generic, microsoft"), "\(result.stderr.prefix(300))")
            #expect(result.stderr.utf8.count < 400)
        }
    }

    // MARK: check judges the files as they are

    @Test("check: an Entra backend issuer URL without /v2.0 is an error naming file, line, key and field (65)")
    func entraBackendURLWithoutV2() throws {
        let sandbox = try CheckCommandTests.generated("entra-env")
        defer { sandbox.remove() }
        let tenantIssuer = "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555"
        let operate = try sandbox.read("out/operate.env")
        try sandbox.write("out/operate.env", operate.replacingOccurrences(of: "CAMUNDA_IDENTITY_ISSUER_BACKEND_URL=\(tenantIssuer)/v2.0", with: "CAMUNDA_IDENTITY_ISSUER_BACKEND_URL=\(tenantIssuer)"))
        let result = try sandbox.run(["check", "out"])
        #expect(result.status == 65)
        let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("error:") })
        #expect(line.hasPrefix("error: operate.env:"))
        #expect(line.contains(": CAMUNDA_IDENTITY_ISSUER_BACKEND_URL (issuerBackendUrl) is '\(tenantIssuer)', but Entra's is '\(tenantIssuer)/v2.0': tokens carry Entra's in 'iss', so token validation fails"))
        #expect(result.stdout.hasSuffix(": 1 error, 0 warnings\n"))
    }

    @Test("check: an Entra audience that is not a client ID, and a Zeebe scope for another app, are errors (65)")
    func entraAudiencesAsTheyAre() throws {
        let sandbox = try CheckCommandTests.generated("entra-helm")
        defer { sandbox.remove() }
        let overlay = try sandbox.read("out/values-oidc.yaml")
        try sandbox.write("out/values-oidc.yaml", overlay
            .replacingOccurrences(of: "audience: \"00000000-0000-0000-0000-00000000000b\"", with: "audience: \"api://camunda-operate\"")
            .replacingOccurrences(of: "tokenScope: \"00000000-0000-0000-0000-00000000000e/.default\"", with: "tokenScope: \"00000000-0000-0000-0000-00000000000a/.default\""))
        let result = try sandbox.run(["check", "out/values-oidc.yaml"])
        #expect(result.status == 65)
        #expect(result.stdout.contains("global.identity.auth.operate.audience (components.operate.audience) is 'api://camunda-operate', not "))
        #expect(result.stdout.contains("Entra v2 tokens carry the client ID (a GUID) in 'aud', never this value, so token validation fails"))
        #expect(result.stdout.contains("global.identity.auth.zeebe.tokenScope (components.zeebe.tokenScope) is '00000000-0000-0000-0000-00000000000a/.default', not "
                                       + "'00000000-0000-0000-0000-00000000000e/.default': tokens then carry '00000000-0000-0000-0000-00000000000a' in 'aud', but the gateway expects "
                                       + "'00000000-0000-0000-0000-00000000000e', so it refuses them"))
        #expect(result.stdout.hasSuffix(": 2 errors, 1 warning\n"))
    }
}
