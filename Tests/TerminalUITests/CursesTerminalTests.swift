#if canImport(Glibc)
import Glibc
#endif
import CNcurses
import Testing
@testable import TerminalUI

/// ncurses is process-global, so everything that creates a screen runs here, one test at a time.
@Suite(.serialized) struct CursesTerminalTests {
    @Test func headlessRenderReadsBackExactly() throws {
        let terminal = try CursesTerminal(headlessRows: 24, columns: 80)
        #expect(terminal.size == (24, 80))
        var frame = Frame(width: 80, height: 24)
        frame.put("Camunda OIDC setup", row: 0, column: 0, style: .bold)
        frame.put("┌─ Provider ─┐ é ü ñ", row: 2, column: 4)
        frame.put("e\u{301}tat", row: 3, column: 0)  // "é" as e + combining acute: one cell
        frame.put("<Back>", row: 23, column: 66, style: .selected)
        frame.put("<Next>", row: 23, column: 74, style: .selected)  // ends in the bottom-right cell
        terminal.draw(frame)
        #expect(terminal.rowText(0) == "Camunda OIDC setup")
        #expect(terminal.rowText(1) == "")
        #expect(terminal.rowText(2) == "    ┌─ Provider ─┐ é ü ñ")
        #expect(terminal.rowText(3) == "e\u{301}tat")
        #expect(terminal.rowText(23) == String(repeating: " ", count: 66) + "<Back>  <Next>")
    }

    @Test func redrawReplacesPreviousContent() throws {
        let terminal = try CursesTerminal(headlessRows: 5, columns: 20)
        var first = Frame(width: 20, height: 5)
        first.put("a long first line", row: 1, column: 0)
        terminal.draw(first)
        var second = Frame(width: 20, height: 5)
        second.put("short", row: 1, column: 0)
        terminal.draw(second)
        #expect(terminal.rowText(1) == "short")
    }

    @Test func framesAreClippedToTheScreen() throws {
        let terminal = try CursesTerminal(headlessRows: 3, columns: 10)
        var big = Frame(width: 20, height: 6)
        big.put("0123456789abcdef", row: 2, column: 0)
        big.put("hidden", row: 5, column: 0)
        big.cursor = (5, 19)  // off screen: hidden, not an error
        terminal.draw(big)
        #expect(terminal.rowText(2) == "0123456789")
        var small = Frame(width: 4, height: 1)
        small.put("ab", row: 0, column: 0)
        terminal.draw(small)
        #expect(terminal.rowText(0) == "ab")
        #expect(terminal.rowText(2) == "")
    }

    @Test func wideAndControlCharactersKeepTheGrid() throws {
        let terminal = try CursesTerminal(headlessRows: 2, columns: 10)
        var frame = Frame(width: 10, height: 2)
        frame.put("a日b\u{7}c", row: 0, column: 0)
        terminal.draw(frame)
        #expect(terminal.rowText(0) == "a?b?c")
    }

    @Test func everyStyleIsDistinguishableWithoutColour() throws {
        let terminal = try CursesTerminal(headlessRows: 2, columns: 10, termName: "vt100")
        #expect(!terminal.colorsEnabled)
        let normal = terminal.attributes(of: .normal)
        #expect(terminal.attributes(of: .selected) == UInt(cn_a_reverse()))
        #expect(terminal.attributes(of: .error) == UInt(cn_a_bold()))
        #expect(terminal.attributes(of: .warning) == UInt(cn_a_bold()))
        #expect(terminal.attributes(of: .input) == UInt(cn_a_underline()))
        #expect(terminal.attributes(of: .muted) == UInt(cn_a_dim()))
        #expect(terminal.attributes(of: .bold) == UInt(cn_a_bold()))
        for style in [CellStyle.bold, .selected, .muted, .error, .warning, .good, .input] {
            #expect(terminal.attributes(of: style) != normal, "\(style)")
        }
        var frame = Frame(width: 10, height: 2)
        frame.put("x", row: 0, column: 3, style: .selected)
        frame.put("y", row: 1, column: 0, style: .input)
        terminal.draw(frame)
        #expect(terminal.attributes(row: 0, column: 3) & UInt(cn_a_reverse()) != 0)
        #expect(terminal.attributes(row: 1, column: 0) & UInt(cn_a_underline()) != 0)
        #expect(terminal.attributes(row: 0, column: 0) == UInt(cn_a_normal()))
    }

    @Test func coloursWhenTheTerminalHasThem() throws {
        let terminal = try CursesTerminal(headlessRows: 2, columns: 10, termName: "xterm-256color")
        #expect(terminal.colorsEnabled)
    }

    @Test func unknownTerminalTypeIsAnErrorNotAnExit() {
        #expect(throws: TerminalError.unusableTerminal("no-such-terminal-xyz")) {
            _ = try CursesTerminal(headlessRows: 24, columns: 80, termName: "no-such-terminal-xyz")
        }
    }

    @Test func endOfInputReturnsNilEveryTime() throws {
        let terminal = try CursesTerminal(headlessRows: 24, columns: 80)  // input is /dev/null
        let start = ContinuousClock.now
        for _ in 0..<3 { #expect(terminal.readKey() == nil) }
        #expect(terminal.inputEnded)
        #expect(terminal.pendingKey() == nil)
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func restoreIsIdempotentAndStopsDrawing() throws {
        let terminal = try CursesTerminal(headlessRows: 4, columns: 10)
        var frame = Frame(width: 10, height: 4)
        frame.put("before", row: 0, column: 0)
        terminal.draw(frame)
        terminal.restore()
        terminal.restore()
        frame.put("after ", row: 0, column: 0)
        terminal.draw(frame)
        terminal.invalidate()
        #expect(terminal.rowText(0) == "before")
        #expect(terminal.readKey() == nil)
    }

    // MARK: Keys through a pseudo-terminal

    /// A curses terminal reading from a pty whose master side the test writes to.
    private final class PtyTerminal {
        let master: Int32
        let terminal: CursesTerminal

        init() throws {
            var master: Int32 = -1
            var slave: Int32 = -1
            guard openpty(&master, &slave, nil, nil, nil) == 0 else { throw PtyError() }
            defer { close(slave) }
            self.master = master
            terminal = try CursesTerminal(termName: "xterm-256color", inputFD: slave, outputFD: slave, rows: 24, columns: 80)
            // A key the decoder fails on must fail the test, not hang it.
            terminal.setInputTimeout(milliseconds: 3000)
        }

        deinit { close(master) }

        func send(_ text: String) {
            send(bytes: Array(text.utf8))
        }

        func send(bytes: [UInt8]) {
            _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
        }

        func keys(_ count: Int) -> [Key?] {
            (0..<count).map { _ in terminal.readKey() }
        }
    }

    private struct PtyError: Error {}

    @Test func functionKeysDecodeFromTerminfoSequences() throws {
        let pty = try PtyTerminal()
        // xterm-256color in keypad-transmit mode, as keypad(TRUE) sets it.
        pty.send("\u{1b}OA\u{1b}OB\u{1b}OC\u{1b}OD\u{1b}OH\u{1b}OF\u{1b}[5~\u{1b}[6~\u{1b}OP\u{1b}[24~\u{1b}[Z\u{1b}[3~")
        #expect(pty.keys(12) == [.up, .down, .right, .left, .home, .end, .pageUp, .pageDown, .function(1), .function(12), .backTab, .delete])
    }

    @Test func controlAndTextKeysDecode() throws {
        let pty = try PtyTerminal()
        pty.send("a\u{7f}\r\t\u{3}\u{c}é─")
        #expect(pty.keys(8) == [.character("a"), .backspace, .enter, .tab, .control("c"), .control("l"), .character("é"), .character("─")])
    }

    @Test func aLoneEscapeArrivesWithoutTheDefaultSecondDelay() throws {
        let pty = try PtyTerminal()
        pty.send("\u{1b}")
        let start = ContinuousClock.now
        #expect(pty.terminal.readKey() == .escape)
        #expect(ContinuousClock.now - start < .milliseconds(500))  // ncurses' default is 1000 ms
    }

    @Test func bracketedPasteIsOneKeyWithNewlinesAsText() throws {
        let pty = try PtyTerminal()
        pty.send("\u{1b}[200~one\rtwo\r\nthree\tfour\u{1b}[201~x")
        #expect(pty.keys(2) == [.paste("one\ntwo\nthree\tfour"), .character("x")])
    }

    @Test("bytes that are not UTF-8 become U+FFFD; Ctrl-C, arrows and text after them arrive intact")
    func invalidUTF8DoesNotEndInput() throws {
        let pty = try PtyTerminal()
        // A Latin-1 "é", an 8-bit Meta "a", a cut-off sequence, then Ctrl-C, two arrows and an F-key.
        pty.send(bytes: [0xE9, 0x03, 0xE1, 0x61, 0xE2, 0x94] + Array("\u{1b}OA\u{1b}OB\u{1b}OPok".utf8))
        let fffd = Key.character("\u{FFFD}")
        #expect(pty.keys(10) == [fffd, .control("c"), fffd, .character("a"), fffd, .up, .down, .function(1), .character("o"), .character("k")])
        #expect(!pty.terminal.inputEnded)
        // 200 invalid bytes in a row: each one key, and the terminal still reads on.
        pty.send(bytes: Array(repeating: 0xFF, count: 200) + [0x03])
        #expect(pty.keys(201) == Array(repeating: fffd, count: 200) + [.control("c")])
        #expect(!pty.terminal.inputEnded)
    }

    @Test("a paste holding an invalid byte arrives whole, the byte as U+FFFD (the field refuses it), not cut there")
    func pasteWithInvalidByteIsWhole() throws {
        let pty = try PtyTerminal()
        pty.send(bytes: Array("\u{1b}[200~sec".utf8) + [0xFF] + Array("ret\u{1b}[201~x".utf8))
        #expect(pty.keys(2) == [.paste("sec\u{FFFD}ret"), .character("x")])
    }

    @Test("the other side of the pty closing ends input")
    func hangUpEndsInput() throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        #expect(openpty(&master, &slave, nil, nil, nil) == 0)
        let terminal = try CursesTerminal(termName: "xterm-256color", inputFD: slave, outputFD: slave, rows: 24, columns: 80)
        close(slave)
        _ = write(master, "a", 1)
        #expect(terminal.readKey() == .character("a"))
        close(master)
        #expect(terminal.readKey() == nil)
        #expect(terminal.inputEnded)
    }

    @Test func pendingKeyDoesNotBlock() throws {
        let pty = try PtyTerminal()
        pty.send("ab")
        #expect(pty.terminal.readKey() == .character("a"))
        #expect(pty.terminal.pendingKey() == .character("b"))
        let start = ContinuousClock.now
        #expect(pty.terminal.pendingKey() == nil)
        #expect(ContinuousClock.now - start < .seconds(1))
    }
}
