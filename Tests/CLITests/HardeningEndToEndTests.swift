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

    /// Start -> Entra -> Helm -> the tenant typed on the endpoints step.
    static func typeTenant(_ tmux: TmuxSession) throws {
        try tmux.waitFor("Welcome")
        try tmux.press("Enter", "Enter", "Enter")
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
}

extension TmuxSession {
    /// Presses keys given as an array (`["-H", "ff", ...]` for raw bytes).
    func press(_ keys: [String]) throws {
        try run(["send-keys", "-t", "main"] + keys)
    }
}
