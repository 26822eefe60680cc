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
