/// The text of a file as UTF-16 code units, with the way back from each unit to its bytes.
///
/// SetupAPI works on UTF-16 code units, so the parser does too. Every unit maps to the offset of the
/// first byte that produced it, which lets every node of the syntax tree name its byte range.
public struct DecodedText: Sendable {
    /// The decoded code units, after any byte-order mark.
    public let units: [UInt16]
    /// Byte offset of the first unit (the length of the byte-order mark).
    public let firstByte: Int
    /// Byte offset where decoded units stop; bytes from here on (an odd trailing byte of a UTF-16
    /// file) are not text.
    public let endByte: Int
    private let mapping: Mapping

    private enum Mapping: Sendable {
        case fixed(width: Int)
        case table([Int32])
    }

    init(units: [UInt16], firstByte: Int, width: Int) {
        self.units = units
        self.firstByte = firstByte
        self.endByte = firstByte + units.count * width
        self.mapping = .fixed(width: width)
    }

    init(units: [UInt16], firstByte: Int, offsets: [Int32], endByte: Int) {
        self.units = units
        self.firstByte = firstByte
        self.endByte = endByte
        self.mapping = .table(offsets)
    }

    /// The byte offset in the file of code unit `index`; `units.count` maps to `endByte`.
    @inline(__always)
    public func byteOffset(ofUnit index: Int) -> Int {
        if index >= units.count { return endByte }
        switch mapping {
        case .fixed(let width): return firstByte + index * width
        case .table(let offsets): return Int(offsets[index])
        }
    }

    /// The byte range in the file that the code units `range` came from.
    public func byteRange(of range: Range<Int>) -> Range<Int> {
        byteOffset(ofUnit: range.lowerBound)..<byteOffset(ofUnit: range.upperBound)
    }
}

/// Decoders for the three encodings SetupAPI reads.
public enum TextDecoder {
    /// Decodes `bytes` in `encoding`, skipping the byte-order mark.
    public static func decode(_ bytes: [UInt8], as encoding: TextEncoding) -> DecodedText {
        switch encoding {
        case .utf16LE(let bom): return decodeUTF16LE(bytes, skip: bom ? 2 : 0)
        case .utf8BOM: return decodeUTF8(bytes, skip: 3)
        case .ansi: return decodeCP1252(bytes)
        }
    }

    static func decodeUTF16LE(_ bytes: [UInt8], skip: Int) -> DecodedText {
        let unitCount = (bytes.count - skip) / 2
        let units = [UInt16](unsafeUninitializedCapacity: unitCount) { buffer, initialized in
            bytes.withUnsafeBufferPointer { src in
                for i in 0..<unitCount {
                    buffer[i] = UInt16(src[skip + 2 * i]) | UInt16(src[skip + 2 * i + 1]) << 8
                }
            }
            initialized = unitCount
        }
        return DecodedText(units: units, firstByte: skip, width: 2)
    }

    /// Code page 1252 positions 0x80–0x9F; the five unassigned bytes map to the same code point.
    static let cp1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func decodeCP1252(_ bytes: [UInt8]) -> DecodedText {
        let count = bytes.count
        let units = [UInt16](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBufferPointer { src in
                for i in 0..<count {
                    let b = src[i]
                    buffer[i] = (b >= 0x80 && b < 0xA0) ? cp1252High[Int(b) - 0x80] : UInt16(b)
                }
            }
            initialized = count
        }
        return DecodedText(units: units, firstByte: 0, width: 1)
    }

    /// UTF-8 as Windows' MultiByteToWideChar reads it: each byte of an invalid sequence becomes U+FFFD.
    static func decodeUTF8(_ bytes: [UInt8], skip: Int) -> DecodedText {
        var units: [UInt16] = []
        var offsets: [Int32] = []
        units.reserveCapacity(bytes.count - skip)
        offsets.reserveCapacity(bytes.count - skip)
        var i = skip
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                units.append(UInt16(b0)); offsets.append(Int32(i)); i += 1; continue
            }
            var need = 0
            var scalar: UInt32 = 0
            var minimum: UInt32 = 0
            switch b0 {
            case 0xC2...0xDF: need = 1; scalar = UInt32(b0 & 0x1F); minimum = 0x80
            case 0xE0...0xEF: need = 2; scalar = UInt32(b0 & 0x0F); minimum = 0x800
            case 0xF0...0xF4: need = 3; scalar = UInt32(b0 & 0x07); minimum = 0x10000
            default: need = -1
            }
            var valid = need > 0 && i + need < n
            if valid {
                for k in 1...need {
                    let b = bytes[i + k]
                    if b & 0xC0 != 0x80 { valid = false; break }
                    scalar = scalar << 6 | UInt32(b & 0x3F)
                }
            }
            if valid && (scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar)) {
                valid = false
            }
            if !valid {
                units.append(0xFFFD); offsets.append(Int32(i)); i += 1; continue
            }
            if scalar >= 0x10000 {
                let v = scalar - 0x10000
                units.append(UInt16(0xD800 + (v >> 10))); offsets.append(Int32(i))
                units.append(UInt16(0xDC00 + (v & 0x3FF))); offsets.append(Int32(i))
            } else {
                units.append(UInt16(scalar)); offsets.append(Int32(i))
            }
            i += need + 1
        }
        return DecodedText(units: units, firstByte: skip, offsets: offsets, endByte: n)
    }
}
