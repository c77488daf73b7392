/// Character classes of the INF grammar, on UTF-16 code units.
enum CharacterClass {
    static let lineFeed: UInt16 = 0x0A
    static let carriageReturn: UInt16 = 0x0D
    static let controlZ: UInt16 = 0x1A
    static let semicolon: UInt16 = 0x3B
    static let openBracket: UInt16 = 0x5B
    static let closeBracket: UInt16 = 0x5D
    static let equals: UInt16 = 0x3D
    static let comma: UInt16 = 0x2C
    static let quote: UInt16 = 0x22
    static let backslash: UInt16 = 0x5C
    static let space: UInt16 = 0x20
    static let nul: UInt16 = 0

    /// `iswspace`: ASCII white space, NEL, NBSP, and the Unicode space separators (row 13), and NUL,
    /// which SetupAPI trims like white space at the ends of a token and reads as a space inside one (row 7).
    @inline(__always)
    static func isSpace(_ c: UInt16) -> Bool {
        if c <= 0x20 { return c == 0x20 || c == 0 || (c >= 0x09 && c <= 0x0D) }
        if c < 0x85 { return false }
        switch c {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
