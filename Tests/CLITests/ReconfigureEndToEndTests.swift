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
        try tmux.waitFor("Provider", "Loaded \(values.path) (2 files).")
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
        try tmux.waitFor("Wrote 3 files:")
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
}
