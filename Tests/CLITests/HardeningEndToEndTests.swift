#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import Foundation
import Testing

/// The wizard in tmux against what a real terminal sends and does: bytes that are not UTF-8, a
/// window too small, Ctrl-C twice, SIGQUIT with core dumps allowed, the replay hint run as printed.
@Suite("Hardening end to end (the real binary in tmux)")
struct HardeningEndToEndTests {
    typealias Entra = WizardEndToEndTests.Entra

    /// Start -> 8.5 -> Entra -> Helm -> the tenant typed on the endpoints step.
    static func typeTenant(_ tmux: TmuxSession) throws {
        try tmux.waitFor("Welcome")
        try tmux.press("Enter", "Enter", "Enter", "Enter")
        try tmux.waitFor("Provider endpoints")
        try tmux.type(Entra.tenant)
        try tmux.waitFor("5555555555/v2.0")
    }

    @Test("Bytes that are not UTF-8 (Latin-1, 8-bit Meta), then Ctrl-C, then arrows: still running, the answers kept")
    func invalidUTF8KeepsTheWizard() throws {
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try Self.typeTenant(tmux)

        // A Latin-1 "é" and a stray byte: refused next to the field, nothing inserted.
        try tmux.press("-H", "e9", "ff")
        try tmux.waitFor("A byte that is not UTF-8 text was typed and dropped")
        // 150 more, then Ctrl-C: ncurses' own decoder swallowed about 140 keys after one such byte.
        try tmux.press(["-H"] + Array(repeating: "ff", count: 150))
        // Ctrl-C right after them is Ctrl-C, not a swallowed byte.
        try tmux.press("C-c")
        try tmux.waitFor("Leave without writing anything?")
        try tmux.press("n")
        try tmux.waitUntil("the dialog to close") { !$0.contains("Leave without writing") }
        // Meta-a as an 8-bit terminal sends it: the high byte dropped, the "a" typed.
        try tmux.press("-H", "e1", "61")
        try tmux.waitFor("\(Entra.tenant)a")
        // Arrows and function keys after them are keys too, not the end of input.
        try tmux.press("Down", "Up", "F1")
        try tmux.waitFor("Help: ")
        try tmux.press("Escape")
        let screen = try tmux.waitUntil("the help to close") { !$0.contains("Help: ") }
        #expect(screen.contains("\(Entra.tenant)a"), "the tenant as typed, plus the Meta-a's 'a':\n\(screen)")
        try tmux.press("BSpace", "Enter", "Enter")
        try tmux.waitFor("Components · Microsoft Entra ID")
        #expect(try tmux.alternateScreenOn, "the wizard ended")
    }

    @Test("Ctrl-C on the leave prompt leaves (exit 130) and says nothing was written")
    func controlCTwiceLeaves() throws {
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try Self.typeTenant(tmux)
        try tmux.press("C-c")
        try tmux.waitFor("Leave without writing anything?")
        try tmux.press("C-c")
        let ending = try tmux.waitForEnding()
        #expect(ending.status == 130)
        #expect(ending.history.components(separatedBy: "\n").filter { $0.contains("nothing") || $0.contains("without writing") }
            == ["camunda-oidc: left without writing anything."], "\(ending.history)")
        try WizardEndToEndTests.expectSane(ending)
        #expect(try WizardEndToEndTests.files(in: tmux.work).isEmpty)
    }

    @Test("With core dumps allowed (ulimit -c unlimited), the wizard sets its core limit to 0; SIGQUIT exits 131, restored, no core file")
    func noCoreDumpHoldsTypedSecrets() throws {
        let tmux = try TmuxSession(allowCoreDumps: true)
        defer { tmux.close() }
        try Self.typeTenant(tmux)
        let pid = try tmux.wizardPID()
        let limits = try String(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/limits"), encoding: .utf8)
        let core = try #require(limits.components(separatedBy: "\n").first { $0.hasPrefix("Max core file size") })
        #expect(core.split(separator: " ").suffix(3).map(String.init) == ["0", "0", "bytes"], "\(core)")
        #expect(kill(pid, SIGQUIT) == 0)
        let ending = try tmux.waitForEnding()
        #expect(ending.status == 128 + SIGQUIT)
        try WizardEndToEndTests.expectSane(ending)
        #expect(ending.history.contains("camunda-oidc: stopped by SIGQUIT; nothing was written."))
        let left = try FileManager.default.contentsOfDirectory(atPath: tmux.work.path)
        #expect(!left.contains { $0.hasPrefix("core") }, "a core file was written: \(left)")
    }

    @Test("A signal after the wizard's write says the files were written; before it, that nothing was (as generate does)")
    func signalAfterTheWriteSaysWhatHappened() throws {
        let tmux = try TmuxSession(arguments: ["--from", CLIFixture.answersURL("generic-env").path])
        defer { tmux.close() }
        try tmux.waitFor("Camunda version", "Loaded ")
        try ReconfigureEndToEndTests.enterUntil("Files:", in: tmux)
        try tmux.press("C-u")
        try tmux.type("out")
        try tmux.waitFor("› Directory  out")
        try tmux.press("Enter")
        try tmux.waitFor("camunda-oidc-answers.yaml   0644   new")
        try tmux.press("Enter")
        try tmux.waitFor("Wrote 10 files:")
        #expect(kill(try tmux.wizardPID(), SIGTERM) == 0)
        let ending = try tmux.waitForEnding()
        #expect(ending.status == 128 + SIGTERM)
        try WizardEndToEndTests.expectSane(ending)
        #expect(ending.history.contains("camunda-oidc: stopped by SIGTERM after writing every file."), "\(ending.history)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmux.work.appendingPathComponent("out").path).count == 10)
    }

    @Test("The replay hint on the done screen, run as printed, replays into the output folder (here: nothing changes)")
    func replayHintReplays() throws {
        let tmux = try TmuxSession(arguments: ["--from", CLIFixture.answersURL("generic-env").path])
        defer { tmux.close() }
        try tmux.waitFor("Camunda version", "Loaded ")
        try ReconfigureEndToEndTests.enterUntil("Files:", in: tmux)
        try tmux.press("C-u")
        try tmux.type("out dir")
        try tmux.waitFor("› Directory  out dir")
        try tmux.press("Enter")  // inspects the new directory
        try tmux.waitFor("camunda-oidc-answers.yaml   0644   new")
        try tmux.press("Enter")
        try tmux.waitFor("Wrote 10 files:")
        try tmux.press("Enter")
        let ending = try tmux.waitForEnding()
        #expect(ending.status == 0)
        let lines = ending.history.components(separatedBy: "\n")
        let hint = try #require(lines.first { $0.hasPrefix("Replay without questions: ") }).dropFirst("Replay without questions: ".count)
        #expect(hint == "camunda-oidc generate --answers 'out dir/camunda-oidc-answers.yaml' --out 'out dir' --force")
        // The variables the hint asks for, with the secrets typed (loaded) in the wizard.
        var environment: [String: String] = [:]
        if let after = lines.first(where: { $0.hasPrefix("(after exporting ") }) {
            for name in after.dropFirst("(after exporting ".count).dropLast().components(separatedBy: ", ") {
                let key = name.replacingOccurrences(of: "CAMUNDA_OIDC_", with: "").replacingOccurrences(of: "_SECRET", with: "")
                environment[name] = WizardEndToEndTests.Generic.secrets[key]
            }
        }
        let command = hint.replacingOccurrences(of: "camunda-oidc ", with: TmuxSession.quote(TmuxSession.binary.path) + " ")
        let replay = try TmuxSession.execute("/bin/sh", ["-c", "cd \(TmuxSession.quote(tmux.work.path)) && " + command],
                                             environment: ProcessInfo.processInfo.environment.merging(environment) { $1 })
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.hasPrefix("Wrote no file: each already held exactly this.\n"), "\(replay.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmux.work.path).sorted() == ["out dir"], "the replay wrote into the current directory")
    }
}

extension TmuxSession {
    /// Presses keys given as an array (`["-H", "ff", ...]` for raw bytes).
    func press(_ keys: [String]) throws {
        try run(["send-keys", "-t", "main"] + keys)
    }
}
