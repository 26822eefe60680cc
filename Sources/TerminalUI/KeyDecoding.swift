extension Key {
    /// The key for one character read from the terminal in raw mode, or nil for input that means
    /// nothing to the wizard (NUL, C1 controls). Function keys are decoded by the terminal layer.
    init?(inputScalar value: UInt32) {
        switch value {
        case 13, 10: self = .enter  // CR in raw mode; LF from Ctrl-J or a terminal in nl mode
        case 9: self = .tab
        case 27: self = .escape
        case 127, 8: self = .backspace  // DEL from most terminals, ^H from some
        case 1...26: self = .control(Character(Unicode.Scalar(UInt8(value) + 96)))
        case 28...31: self = .control(Character(Unicode.Scalar(UInt8(value) + 64)))  // ^\ ^] ^^ ^_
        case 0, 0x80...0x9F: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            self = .character(Character(scalar))
        }
    }
}

/// Decodes the bytes a terminal sends as UTF-8, one byte at a time.
///
/// Terminals send bytes that are not UTF-8 (a Latin-1 charset, an 8-bit Meta key, a paste from a
/// Windows clipboard). Such a byte, or a sequence cut short, becomes U+FFFD (which text fields
/// refuse) and decoding starts again at the next byte: a following Ctrl-C or arrow is never lost.
/// Overlong forms, surrogates and values above U+10FFFF are invalid too (RFC 3629).
public struct UTF8InputDecoder: Sendable {
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    private var value: UInt32 = 0
    private var remaining = 0
    /// The range the next continuation byte must be in (narrower after E0, ED, F0, F4).
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF

    public init() {}

    /// True while a multi-byte character has begun and not ended.
    public var isPending: Bool { remaining > 0 }

    /// Feeds one byte; returns what it completes: nothing (the middle of a character), one scalar,
    /// or U+FFFD for a cut-off sequence followed by the scalar this byte starts.
    public mutating func feed(_ byte: UInt8) -> [Unicode.Scalar] {
        if remaining > 0 {
            if (lower...upper).contains(byte) {
                value = value << 6 | UInt32(byte & 0x3F)
                remaining -= 1
                lower = 0x80
                upper = 0xBF
                return remaining == 0 ? [Unicode.Scalar(value) ?? Self.replacement] : []
            }
            // Cut short: the sequence so far is one invalid character; this byte starts afresh.
            remaining = 0
            return [Self.replacement] + feed(byte)
        }
        lower = 0x80
        upper = 0xBF
        switch byte {
        case 0x00...0x7F:
            return [Unicode.Scalar(byte)]
        case 0xC2...0xDF:
            value = UInt32(byte & 0x1F)
            remaining = 1
        case 0xE0...0xEF:
            value = UInt32(byte & 0x0F)
            remaining = 2
            if byte == 0xE0 { lower = 0xA0 }  // overlong
            if byte == 0xED { upper = 0x9F }  // surrogates
        case 0xF0...0xF4:
            value = UInt32(byte & 0x07)
            remaining = 3
            if byte == 0xF0 { lower = 0x90 }  // overlong
            if byte == 0xF4 { upper = 0x8F }  // above U+10FFFF
        default:
            return [Self.replacement]  // a stray continuation byte, C0, C1, F5...FF
        }
        return []
    }

    /// Ends a character cut off by something other than a byte (a function key, the end of a
    /// paste, a pause): U+FFFD when one had begun, else nil.
    public mutating func flush() -> Unicode.Scalar? {
        guard remaining > 0 else { return nil }
        remaining = 0
        return Self.replacement
    }

    /// Decodes a whole byte sequence (tests, and pastes that arrive at once).
    public static func decode(_ bytes: some Sequence<UInt8>) -> [Unicode.Scalar] {
        var decoder = UTF8InputDecoder()
        var scalars = bytes.flatMap { decoder.feed($0) }
        if let last = decoder.flush() { scalars.append(last) }
        return scalars
    }
}
