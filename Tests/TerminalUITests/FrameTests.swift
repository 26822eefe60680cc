import Testing
import TerminalUI

@Suite struct FrameTests {
    @Test func putWritesStyledCellsAndReturnsNextColumn() {
        var frame = Frame(width: 10, height: 2)
        let next = frame.put("abc", row: 1, column: 2, style: .bold)
        #expect(next == 5)
        #expect(frame[1, 2] == Cell("a", .bold))
        #expect(frame[1, 4] == Cell("c", .bold))
        #expect(frame[1, 5] == Cell())
        #expect(frame.text == "\n  abc")
    }

    @Test func putClipsAtRightEdgeAndLimit() {
        var frame = Frame(width: 6, height: 1)
        #expect(frame.put("abcdefgh", row: 0, column: 3) == 6)
        #expect(frame.text == "   abc")
        var limited = Frame(width: 10, height: 1)
        #expect(limited.put("abcdefgh", row: 0, column: 1, limit: 3) == 4)
        #expect(limited.text == " abc")
    }

    @Test func putOutsideTheFrameWritesNothing() {
        var frame = Frame(width: 4, height: 2)
        frame.put("zz", row: 2, column: 0)
        frame.put("zz", row: -1, column: 0)
        frame.put("abc", row: 0, column: -1)  // starts left of the frame: the visible part lands
        #expect(frame.text == "bc\n")
    }

    @Test func nonASCIICharactersTakeOneCellEach() {
        var frame = Frame(width: 8, height: 1)
        #expect(frame.put("é─┐ü", row: 0, column: 0) == 4)
        #expect(frame[0, 1].character == "─")
        #expect(frame.text == "é─┐ü")
    }

    @Test func fillCoversTheRectangleAndClips() {
        var frame = Frame(width: 5, height: 3)
        frame.fill(row: 1, column: 3, width: 4, height: 4, with: Cell("#", .input))
        #expect(frame.text == "\n   ##\n   ##")
        #expect(frame[2, 4].style == .input)
    }

    @Test func textTrimsTrailingSpacesOnly() {
        var frame = Frame(width: 6, height: 2)
        frame.put("  a b ", row: 0, column: 0)
        #expect(frame.text == "  a b\n")
    }

    @Test func cursorRoundTripsAndTakesPartInEquality() {
        var frame = Frame(width: 80, height: 24)
        #expect(frame.cursor == nil)
        frame.cursor = (3, 17)
        #expect(frame.cursor?.row == 3)
        #expect(frame.cursor?.column == 17)
        var other = Frame(width: 80, height: 24)
        #expect(frame != other)
        other.cursor = (3, 17)
        #expect(frame == other)
        frame.cursor = nil
        #expect(frame.cursor == nil)
    }

    @Test func emptyFrameIsHarmless() {
        var frame = Frame(width: -3, height: 0)
        frame.put("x", row: 0, column: 0)
        frame.fill(row: 0, column: 0, width: 2, height: 2)
        #expect(frame.width == 0)
        #expect(frame.cells.isEmpty)
        #expect(frame.text == "")
    }
}
