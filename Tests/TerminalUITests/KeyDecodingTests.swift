import Testing
@testable import TerminalUI

@Suite struct KeyDecodingTests {
    @Test(arguments: [
        (UInt32(13), Key.enter), (10, .enter), (9, .tab), (27, .escape), (127, .backspace), (8, .backspace),
        (3, .control("c")), (1, .control("a")), (12, .control("l")), (26, .control("z")), (28, .control("\\")),
        (0x61, .character("a")), (0x20, .character(" ")), (0xE9, .character("é")), (0x2500, .character("─")),
        (0x1F600, .character("😀")),
    ])
    func controlAndPrintableCharacters(value: UInt32, key: Key) {
        #expect(Key(inputScalar: value) == key)
    }

    @Test(arguments: [UInt32(0), 0x85, 0x9B, 0xD800, 0x110000])
    func meaninglessInputIsDropped(value: UInt32) {
        #expect(Key(inputScalar: value) == nil)
    }
}
