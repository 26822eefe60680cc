#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import Foundation
import Testing

/// Guided reconfiguration with the real binary in tmux: load an existing Helm overlay, rotate one
/// secret, see the diff, write; the backup holds the old file and only that secret changed.
@Suite("Reconfiguration end to end (the real binary in tmux)")
struct ReconfigureEndToEndTests {
    static let rotated = "rotated-operate-secret~NOT-REAL"

    /// Presses Enter until the screen shows `text`, one key per screen change.
    static func enterUntil(_ text: String, in tmux: TmuxSession, limit: Int = 40) throws {
        var styled = try tmux.styledScreen()
        for _ in 0..<limit {
            let screen = try tmux.screen()
            if screen.contains(text) { return }
            // The provider check step: skipped (Enter there could go to a failing line's field).
            try tmux.press(screen.contains("Check with your provider") ? "s" : "Enter")
            styled = try tmux.waitForStyledChange(from: styled, what: "Enter")
        }
        _ = try tmux.waitFor(text)
    }

    @Test("--from an inline Helm overlay: rotate Operate's secret, see it only as changed, write with a backup")
    func rotateOneSecret() throws {
        let deploy = FileManager.default.temporaryDirectory.appendingPathComponent("camunda-oidc-reconfigure-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: deploy) }
        let answers = CLIFixture.answersURL("entra-helm-inline").path
        let generated = try TmuxSession.execute(TmuxSession.binary.path, ["generate", "--answers", answers, "--out", deploy.path])
        #expect(generated.status == 0)
        let values = deploy.appendingPathComponent("values-oidc.yaml")
        let original = try String(contentsOf: values, encoding: .utf8)

        let tmux = try TmuxSession(arguments: ["--from", values.path])
        defer { tmux.close() }
        try tmux.waitFor("Camunda version", "(•) Camunda 8.5", "Loaded \(values.path) (2 files).")
        try Self.enterUntil("Operate application", in: tmux)
        let operate = try tmux.waitFor("Client secret", "28 characters")
        #expect(!operate.contains("NOT-REAL"), "a loaded secret shows as a length only")
        try tmux.press("Tab", "C-u")
        try tmux.type(Self.rotated)
        try tmux.waitFor("31 characters")
        try Self.enterUntil("Changes", in: tmux)
        let changes = try tmux.waitFor("values-oidc.yaml: 1 change")
        #expect(changes.contains("~ global.identity.auth.operate.existingSecret: secret changed"))
        #expect(changes.contains("  global.identity.auth.identity.existingSecret: secret unchanged"))
        #expect(!changes.contains("NOT-REAL"))
        try Self.enterUntil("Files:", in: tmux)
        let write = try tmux.waitFor("values-oidc.yaml            0600   exists, old one kept as .bak")
        #expect(write.contains("camunda-oidc-answers.yaml   0644   new"))
        try tmux.press("Enter")
        // The checklist is the same as before: not rewritten, no backup.
        try tmux.waitFor("Wrote 2 files:", "Unchanged, not rewritten: registration-checklist.md")
        try tmux.press("Enter")
        let ending = try tmux.waitForEnding()
        #expect(ending.status == 0)
        #expect(ending.terminalIsSane, "terminal not restored: \(ending.terminalReport)")
        #expect(!ending.history.contains("NOT-REAL"), "no secret on the screen or in the scrollback")

        let backup = deploy.appendingPathComponent("values-oidc.yaml.bak")
        #expect(try String(contentsOf: backup, encoding: .utf8) == original)
        let rewritten = try String(contentsOf: values, encoding: .utf8)
        let before = original.components(separatedBy: "\n"), after = rewritten.components(separatedBy: "\n")
        #expect(before.count == after.count)
        let differing = zip(before, after).filter { $0 != $1 }
        #expect(differing.count == 1)
        #expect(differing.first?.0 == "        existingSecret: \"fake-operate-secret~NOT-REAL\"")
        #expect(differing.first?.1 == "        existingSecret: \"\(Self.rotated)\"")
        for file in [values, backup] {
            let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(file.lastPathComponent) holds secrets")
        }
    }

    @Test("--from an 8.5 overlay with --camunda 8.7: the version step says what changes, the new question is asked, the diff shows it, check is clean")
    func upgradeTo87() throws {
        let deploy = FileManager.default.temporaryDirectory.appendingPathComponent("camunda-oidc-upgrade-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: deploy) }
        let generated = try TmuxSession.execute(TmuxSession.binary.path, ["generate", "--answers", CLIFixture.answersURL("entra-helm-inline").path, "--out", deploy.path])
        #expect(generated.status == 0)
        let values = deploy.appendingPathComponent("values-oidc.yaml")

        let tmux = try TmuxSession(arguments: ["--from", values.path, "--camunda", "8.7"])
        defer { tmux.close() }
        try tmux.waitFor("Camunda 8.7 OIDC setup", "(•) Camunda 8.7  (Helm chart 12.x)",
                         "No longer asked in Camunda 8.7 (kept, not written): Web Modeler public API",
                         "New in Camunda 8.7: Web Modeler API client ID.")
        try Self.enterUntil("Web Modeler application", in: tmux)
        try tmux.waitFor("› UI client ID", "API client ID")
        try tmux.press("Enter", "Enter")  // UI client ID, client API audience (kept) -> the API client ID, empty
        try tmux.press("Enter")
        try tmux.waitFor("Error: required")
        try tmux.type("00000000-0000-0000-0000-000000000099")
        try Self.enterUntil("Changes", in: tmux)
        let changes = try tmux.waitFor("values-oidc.yaml: 1 change")
        #expect(changes.contains("~ global.identity.auth.webModeler.publicApiAudience\n       api://camunda-web-modeler-public     → 00000000-0000-0000-0000-00000000"), "\(changes)")
        try Self.enterUntil("Files:", in: tmux)
        try tmux.press("Enter")
        try tmux.waitFor("Wrote 3 files:", "--version 12.x")
        try tmux.press("Enter")
        let ending = try tmux.waitForEnding()
        #expect(ending.status == 0)
        #expect(!ending.history.contains("NOT-REAL"))

        let rewritten = try String(contentsOf: values, encoding: .utf8)
        #expect(rewritten.contains("# for Camunda 8.7 (Helm chart 12.x), provider: Microsoft Entra ID (MICROSOFT).\n"))
        let check = try TmuxSession.execute(TmuxSession.binary.path, ["check", values.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.hasSuffix(": 0 errors, 0 warnings\n") && check.stdout.contains("Camunda 8.7"), "\(check.stdout)")
    }

    @Test("--from an 8.5 overlay with --camunda 8.8: what carries over, the cluster asked anew, the Changes step shows the removed operate/tasklist/zeebe keys, check is clean")
    func upgradeTo88() throws {
        let deploy = FileManager.default.temporaryDirectory.appendingPathComponent("camunda-oidc-upgrade88-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: deploy) }
        let generated = try TmuxSession.execute(TmuxSession.binary.path, ["generate", "--answers", CLIFixture.answersURL("entra-helm-inline").path, "--out", deploy.path])
        #expect(generated.status == 0)
        let values = deploy.appendingPathComponent("values-oidc.yaml")

        let tmux = try TmuxSession(arguments: ["--from", values.path, "--camunda", "8.8"])
        defer { tmux.close() }
        try tmux.waitFor("Camunda 8.8 OIDC setup", "(•) Camunda 8.8  (Helm chart 13.x)",
                         "Camunda 8.8 runs Operate, Tasklist, Zeebe as one Orchestration cluster: one",
                         "new app (its URL, client ID, secret are new answers)",
                         "Carried over: the provider and endpoints, Management Identity, Optimize, Web")
        try Self.enterUntil("Camunda URLs", in: tmux)
        // Identity's, Optimize's and Web Modeler's URLs carried over; the cluster's is asked.
        try tmux.waitFor("› Orchestration cluster URL", "https://identity.camunda.example.com", "https://optimize.camunda.example.com")
        try tmux.type("https://camunda.example.com")
        try tmux.pressNextButton()
        try tmux.waitFor("Orchestration cluster application", "› Client ID")
        try tmux.type("00000000-0000-0000-0000-00000000000a")
        try tmux.press("Tab")
        try tmux.type("fake-orchestration-secret~NOT-REAL")
        try tmux.pressNextButton()
        // Management Identity and Optimize: their apps carried over, nothing to type.
        try tmux.waitFor("Management Identity application", "› Client ID      00000000-0000-0000-0000-00000000001a", "•••••••• 29 characters")
        try Self.enterUntil("Web Modeler application", in: tmux)
        try tmux.press("Enter", "Enter")  // UI client ID, client API audience (kept) -> the API client ID, new in 8.7+
        try tmux.press("Enter")
        try tmux.waitFor("Error: required")
        try tmux.type("00000000-0000-0000-0000-000000000099")
        try Self.enterUntil("Connectors application", in: tmux)
        try tmux.waitFor("(•) Use the Orchestration cluster's app")
        try Self.enterUntil("First administrator", in: tmux)
        // Wherever Enter left the focus: on to the confirmation, tick it, go on.
        for _ in 0..<4 where try !tmux.screen().contains("› [ ] I understand") {
            try tmux.press("Tab")
            _ = try tmux.waitForSettledScreen()
        }
        try tmux.press("Space")
        try tmux.waitFor("[x] I understand")
        try tmux.pressNextButton()
        // The cluster's admins: the initial claim carried over.
        try tmux.waitFor("Cluster administrators", "Admin claim value  99999999-8888-7777-6666-555555555555")
        // Inline secrets stay inline, with 8.8's warning to accept.
        try Self.enterUntil("› [ ] I have read the warning below and accept it.", in: tmux)
        try tmux.waitFor("! Secrets in Helm: inline: the values file holds every secret")
        try tmux.press("Space")
        try tmux.waitFor("[x] I have read the warning")
        try Self.enterUntil("Changes", in: tmux)
        var changes = try tmux.waitFor("values-oidc.yaml:")
        // The whole list, page by page.
        for _ in 0..<8 where !changes.contains("lines 8") {
            let before = try tmux.styledScreen()
            try tmux.press("NPage")
            _ = try? tmux.waitForStyledChange(from: before, what: "PgDn")
            changes += try tmux.screen()
        }
        for line in ["- global.identity.auth.operate.clientId", "- global.identity.auth.tasklist.clientId", "- global.identity.auth.zeebe.clientId",
                     "+ global.security.authentication.method"] {
            #expect(changes.contains(line), "\(line)\n\(changes)")
        }
        try Self.enterUntil("Files:", in: tmux)
        try tmux.press("Enter")
        try tmux.waitFor("Wrote 3 files:", "--version 13.x")
        try tmux.press("Enter")
        let ending = try tmux.waitForEnding()
        #expect(ending.status == 0)
        #expect(!ending.history.contains("NOT-REAL"))

        let rewritten = try String(contentsOf: values, encoding: .utf8)
        #expect(rewritten.contains("# for Camunda 8.8 (Helm chart 13.x), provider: Microsoft Entra ID (MICROSOFT).\n"))
        #expect(!rewritten.contains("  operate:") && !rewritten.contains("identityKeycloak") && !rewritten.contains("existingSecret: \""), "\(rewritten)")
        let check = try TmuxSession.execute(TmuxSession.binary.path, ["check", values.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("Camunda 8.8"), "\(check.stdout)")
    }
}
