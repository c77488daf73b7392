extension TextEncoding {
    /// The bytes of `text` in this encoding (no byte-order mark), or `nil` when a character cannot be
    /// written in it: code page 1252 holds only 251 characters.
    public func encode(_ text: String) -> [UInt8]? {
        switch self {
        case .utf16LE:
            let units = UTF16Text.units(of: text)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(units.count * 2)
            for unit in units {
                bytes.append(UInt8(unit & 0xFF))
                bytes.append(UInt8(unit >> 8))
            }
            return bytes
        case .utf8BOM:
            return Array(text.utf8)
        case .ansi:
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for scalar in text.unicodeScalars {
                guard let byte = Self.cp1252Byte(scalar) else { return nil }
                bytes.append(byte)
            }
            return bytes
        }
    }

    /// The code page 1252 byte of a scalar, if it has one.
    static func cp1252Byte(_ scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value < 0x80 || (value >= 0xA0 && value <= 0xFF) { return UInt8(value) }
        guard value <= 0xFFFF, let index = TextDecoder.cp1252High.firstIndex(of: UInt16(value)) else { return nil }
        // The five unassigned positions decode to themselves, so they encode back the same way.
        return UInt8(0x80 + index)
    }
}

extension TextEncoding {
    /// The text of `bytes`, a piece of a file in this encoding that holds no byte-order mark.
    public func decodeFragment(_ bytes: [UInt8]) -> String {
        switch self {
        case .utf16LE: return String(decoding: TextDecoder.decode(bytes, as: .utf16LE(bom: false)).units, as: UTF16.self)
        case .utf8BOM: return String(decoding: bytes, as: UTF8.self)
        case .ansi: return String(decoding: TextDecoder.decode(bytes, as: .ansi).units, as: UTF16.self)
        }
    }
}
