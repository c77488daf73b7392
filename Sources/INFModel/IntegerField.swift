/// Integer fields read the way `SetupGetIntField` reads them: C `strtol(text, &end, 0)` (row 51).
///
/// `0x10` is hexadecimal, a leading `0` means octal (`010` is 8), a sign and leading white space are
/// allowed, trailing characters make the field invalid, and an empty field reads as 0. Unlike Wine's
/// `strtol`, values do not saturate: out of range is reported as such.
public enum IntegerField: Sendable, Hashable {
    /// A number in the range of a 32-bit signed `int`.
    case value(Int32)
    /// A well-formed number outside the 32-bit signed range (the full value when it fits 64 bits).
    case outOfRange(Int64?)
    /// Not a number: no digits, or characters after them.
    case invalid

    /// Parses `text` with `strtol(…, 0)` rules.
    public init(parsing text: String) {
        guard let parsed = Self.strtol(text) else { self = .invalid; return }
        guard let wide = parsed else { self = .outOfRange(nil); return }
        if let narrow = Int32(exactly: wide) { self = .value(narrow) } else { self = .outOfRange(wide) }
    }

    /// The value when it is a valid 32-bit signed integer.
    public var int32: Int32? {
        if case .value(let v) = self { return v }
        return nil
    }

    /// The value read as an unsigned 32-bit quantity (flags and REG_DWORD data, where `0xFFFFFFFF`
    /// is valid); negative numbers wrap as C's `strtoul` does.
    public var uint32: UInt32? {
        switch self {
        case .value(let v): return UInt32(bitPattern: v)
        case .outOfRange(let wide?): return wide >= 0 && wide <= Int64(UInt32.max) ? UInt32(wide) : nil
        default: return nil
        }
    }

    /// Reads `text` as `strtol(text, &end, 0)` requiring `end` at the end of the text.
    /// Returns `nil` for invalid text, `.some(nil)` for a number too large for 64 bits.
    static func strtol(_ text: String) -> Int64?? {
        let u = Array(text.utf8)
        var i = 0
        while i < u.count, u[i] == 0x20 || (u[i] >= 0x09 && u[i] <= 0x0D) { i += 1 }
        if i == u.count { return u.isEmpty ? .some(0) : nil }
        var negative = false
        if u[i] == 0x2B || u[i] == 0x2D {
            negative = u[i] == 0x2D
            i += 1
        }
        var base: Int64 = 10
        if i + 1 < u.count, u[i] == 0x30, u[i + 1] | 0x20 == 0x78, i + 2 < u.count, hexDigit(u[i + 2]) != nil {
            base = 16
            i += 2
        } else if i < u.count, u[i] == 0x30 {
            base = 8
        }
        let digitsStart = i
        var value: Int64 = 0
        var overflow = false
        while i < u.count {
            guard let d = hexDigit(u[i]), Int64(d) < base else { break }
            let (m, o1) = value.multipliedReportingOverflow(by: base)
            let (s, o2) = m.addingReportingOverflow(Int64(d))
            if o1 || o2 { overflow = true }
            value = s
            i += 1
        }
        guard i > digitsStart, i == u.count else { return nil }
        if overflow { return .some(nil) }
        return .some(negative ? -value : value)
    }

    private static func hexDigit(_ c: UInt8) -> Int? {
        switch c {
        case 0x30...0x39: return Int(c - 0x30)
        case 0x41...0x46: return Int(c - 0x41 + 10)
        case 0x61...0x66: return Int(c - 0x61 + 10)
        default: return nil
        }
    }
}
