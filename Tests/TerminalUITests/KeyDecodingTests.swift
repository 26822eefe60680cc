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

@Suite struct UTF8InputDecoderTests {
    static let fffd = UTF8InputDecoder.replacement

    @Test("valid UTF-8 of every length decodes byte by byte")
    func validSequences() {
        #expect(UTF8InputDecoder.decode(Array("aé─😀".utf8)) == ["a", "é", "─", "😀"])
        var decoder = UTF8InputDecoder()
        #expect(decoder.feed(0xE2).isEmpty && decoder.isPending)
        #expect(decoder.feed(0x94).isEmpty)
        #expect(decoder.feed(0x80) == ["─"])
        #expect(!decoder.isPending)
    }

    @Test("an invalid byte becomes U+FFFD and the next byte, Ctrl-C included, decodes as itself", arguments: [
        [UInt8(0xFF), 0x03], [0xE9, 0x03], [0xC3, 0x03], [0xE2, 0x94, 0x03], [0x80, 0x03], [0xC0, 0x03], [0xF5, 0x03],
    ])
    func resynchronises(bytes: [UInt8]) {
        #expect(UTF8InputDecoder.decode(bytes) == [Self.fffd, "\u{3}"])
    }

    @Test("overlong forms, surrogates and values above U+10FFFF are invalid, each byte on its own")
    func invalidForms() {
        #expect(UTF8InputDecoder.decode([0xE0, 0x80, 0x80]) == [Self.fffd, Self.fffd, Self.fffd])  // overlong NUL
        #expect(UTF8InputDecoder.decode([0xED, 0xA0, 0x80, 0x61]) == [Self.fffd, Self.fffd, Self.fffd, "a"])  // U+D800
        #expect(UTF8InputDecoder.decode([0xF4, 0x90, 0x80, 0x80]) == [Self.fffd, Self.fffd, Self.fffd, Self.fffd])
        #expect(UTF8InputDecoder.decode([0xF0, 0x9F, 0x98]) == [Self.fffd])  // cut off at the end
    }

    @Test("a Latin-1 line: each high byte is one U+FFFD, nothing after it is swallowed")
    func latin1() {
        let bytes: [UInt8] = [0x63, 0x61, 0x66, 0xE9, 0x20, 0x6E, 0x61, 0xEF, 0x76, 0x65, 0x0D]
        #expect(UTF8InputDecoder.decode(bytes) == ["c", "a", "f", Self.fffd, " ", "n", "a", Self.fffd, "v", "e", "\r"])
    }

    @Test("a flush ends a character cut off by a function key")
    func flush() {
        var decoder = UTF8InputDecoder()
        #expect(decoder.flush() == nil)
        _ = decoder.feed(0xF0)
        #expect(decoder.flush() == Self.fffd)
        #expect(decoder.feed(0x61) == ["a"])
    }
}
