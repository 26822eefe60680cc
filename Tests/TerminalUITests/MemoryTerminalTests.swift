import Testing
import TerminalUI

@Suite struct MemoryTerminalTests {
    @Test func readKeyPopsInOrderThenReportsEndOfInput() {
        let terminal = MemoryTerminal(keys: [.character("a"), .enter])
        terminal.enqueue(.escape)
        #expect(terminal.readKey() == .character("a"))
        #expect(terminal.readKey() == .enter)
        #expect(terminal.readKey() == .escape)
        #expect(terminal.readKey() == nil)
    }

    @Test func keysTypedOneByOneAreNotPending() {
        let terminal = MemoryTerminal()
        terminal.type("ab")
        #expect(terminal.pendingKey() == nil)
        #expect(terminal.readKey() == .character("a"))
        #expect(terminal.pendingKey() == nil)
        #expect(terminal.remainingKeys == [.character("b")])
    }

    @Test func aBurstIsPendingAfterItsFirstKey() {
        let terminal = MemoryTerminal()
        terminal.enqueueBurst([.character("x"), .character("y"), .character("z")])
        terminal.enqueue(.enter)
        #expect(terminal.pendingKey() == nil)
        #expect(terminal.readKey() == .character("x"))
        #expect(terminal.pendingKey() == .character("y"))
        #expect(terminal.pendingKey() == .character("z"))
        #expect(terminal.pendingKey() == nil)
        #expect(terminal.readKey() == .enter)
    }

    @Test func resizeTakesEffectWhenItsKeyIsRead() {
        let terminal = MemoryTerminal(rows: 24, columns: 80)
        terminal.enqueue(.tab)
        terminal.resize(rows: 18, columns: 60)
        #expect(terminal.readKey() == .tab)
        #expect(terminal.size == (24, 80))
        #expect(terminal.readKey() == .resize)
        #expect(terminal.size == (18, 60))
    }

    @Test func recordsFramesAndInvalidations() {
        let terminal = MemoryTerminal(rows: 2, columns: 4)
        #expect(terminal.lastFrame == nil)
        var first = Frame(width: 4, height: 2)
        first.put("one", row: 0, column: 0)
        var second = Frame(width: 4, height: 2)
        second.put("two", row: 1, column: 0)
        terminal.draw(first)
        terminal.invalidate()
        terminal.draw(second)
        #expect(terminal.drawCount == 2)
        #expect(terminal.invalidateCount == 1)
        #expect(terminal.frames == [first, second])
        #expect(terminal.lastFrame?.text == "\ntwo")
    }

    @Test func usableThroughTheProtocol() {
        let terminal: any Terminal = MemoryTerminal(rows: 18, columns: 60, keys: [.paste("a\nb")])
        #expect(terminal.size.rows == 18)
        #expect(terminal.readKey() == .paste("a\nb"))
    }
}
