/// Strings made of UTF-16 code units, the form the parser keeps a file's text in.
///
/// SetupAPI hands out the code units of a UTF-16 file as they are, so a lone surrogate (half of a
/// pair, on its own) stays in a value. A Swift `String` cannot hold one, so a lone surrogate unit
/// `u` is carried as the private-use scalar U+100000 + `u` (U+10D800–U+10DFFF, a range no INF text
/// uses) and turned back into the unit wherever text leaves as UTF-16 (`units(of:)`) or JSON.
public enum UTF16Text {
    /// The first scalar that stands for a lone surrogate unit (the unit 0xD800).
    public static let loneSurrogateBase: UInt32 = 0x10_0000

    /// The scalars that stand for lone surrogate units.
    public static let loneSurrogateScalars: ClosedRange<UInt32> = (loneSurrogateBase + 0xD800)...(loneSurrogateBase + 0xDFFF)

    /// The String of `units`; when every unit is ASCII (nearly always in an INF) its bytes are copied
    /// straight into the String's storage instead of going through the general transcoder.
    @inlinable
    public static func string<C: Collection>(_ units: C) -> String where C.Element == UInt16 {
        // One pass copies and checks; the first unit beyond ASCII abandons the copy.
        var ascii = true
        let text = String(unsafeUninitializedCapacity: units.count) { buffer in
            var index = 0
            for unit in units {
                guard unit < 0x80 else {
                    ascii = false
                    return 0
                }
                buffer[index] = UInt8(truncatingIfNeeded: unit)
                index += 1
            }
            return index
        }
        return ascii ? text : decode(units)
    }

    /// `units` decoded, pairs as their scalars and lone surrogates as their stand-in scalars.
    @usableFromInline
    static func decode<C: Collection>(_ units: C) -> String where C.Element == UInt16 {
        // A unit gives at most three bytes, a lone surrogate's stand-in four: written straight as UTF-8.
        String(unsafeUninitializedCapacity: units.count * 4) { buffer in
            var count = 0
            func append(_ value: UInt32) {
                switch value {
                case 0..<0x80:
                    buffer[count] = UInt8(value)
                    count += 1
                case 0x80..<0x800:
                    buffer[count] = UInt8(0xC0 | value >> 6)
                    buffer[count + 1] = UInt8(0x80 | value & 0x3F)
                    count += 2
                case 0x800..<0x10000:
                    buffer[count] = UInt8(0xE0 | value >> 12)
                    buffer[count + 1] = UInt8(0x80 | value >> 6 & 0x3F)
                    buffer[count + 2] = UInt8(0x80 | value & 0x3F)
                    count += 3
                default:
                    buffer[count] = UInt8(0xF0 | value >> 18)
                    buffer[count + 1] = UInt8(0x80 | value >> 12 & 0x3F)
                    buffer[count + 2] = UInt8(0x80 | value >> 6 & 0x3F)
                    buffer[count + 3] = UInt8(0x80 | value & 0x3F)
                    count += 4
                }
            }
            var iterator = units.makeIterator()
            var pending: UInt16? = nil
            while let unit = pending ?? iterator.next() {
                pending = nil
                if (0xD800...0xDBFF).contains(unit), let next = iterator.next() {
                    if (0xDC00...0xDFFF).contains(next) {
                        append(0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(next) - 0xDC00))
                        continue
                    }
                    pending = next
                }
                append((0xD800...0xDFFF).contains(unit) ? loneSurrogateBase + UInt32(unit) : UInt32(unit))
            }
            return count
        }
    }

    /// The lone surrogate unit `scalar` stands for, if it stands for one.
    @inlinable
    public static func loneSurrogate(_ scalar: Unicode.Scalar) -> UInt16? {
        loneSurrogateScalars.contains(scalar.value) ? UInt16(scalar.value - loneSurrogateBase) : nil
    }

    /// The UTF-16 code units of `text`, lone surrogates as the units they stand for.
    public static func units(of text: String) -> [UInt16] {
        // A stand-in scalar is encoded in UTF-8 with the lead byte 0xF4; without one, the plain view is exact.
        guard text.utf8.contains(0xF4) else { return Array(text.utf16) }
        var units: [UInt16] = []
        units.reserveCapacity(text.utf16.count)
        for scalar in text.unicodeScalars {
            if let unit = loneSurrogate(scalar) {
                units.append(unit)
            } else {
                if let encoded = UTF16.encode(scalar) { units.append(contentsOf: encoded) }
            }
        }
        return units
    }
}
