/// Decides how SetupAPI reads a file's bytes (rows 1–9 of the INF syntax reference, native behaviour).
///
/// A file starting with FF FE is UTF-16LE. Without a byte-order mark a file is UTF-16LE only when it
/// clearly looks like UTF-16 text: an even length, no U+0000 unit, and nearly every unit an ASCII-range
/// character (high byte zero). EF BB BF selects UTF-8; everything else is code page 1252.
public enum EncodingDetector {
    /// Returns the encoding SetupAPI would use for `bytes`.
    public static func detect(_ bytes: [UInt8]) -> TextEncoding {
        let count = bytes.count
        if count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return .utf16LE(bom: true)
        }
        if count > 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return .utf8BOM
        }
        if looksLikeBOMLessUTF16(bytes) {
            return .utf16LE(bom: false)
        }
        return .ansi
    }

    /// Whether the file starts with FE FF, the mark of UTF-16 big endian, which SetupAPI does not support.
    public static func hasUTF16BigEndianMark(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF
    }

    /// Whether `bytes` hold a byte above 0x7F and are well-formed UTF-8 throughout (no overlong
    /// form, surrogate or scalar beyond U+10FFFF): text saved as UTF-8 without a byte-order mark,
    /// which an ANSI reading garbles.
    public static func isUTF8BeyondASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            // ASCII runs, eight bytes at a time.
            if let base = buffer.baseAddress {
                let raw = UnsafeRawPointer(base)
                while index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
            }
            var sawHigh = false
            while index < count {
                let lead = buffer[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                sawHigh = true
                // The allowed range of the second byte and how many bytes follow the lead.
                let second: ClosedRange<UInt8>
                let length: Int
                switch lead {
                case 0xC2...0xDF: second = 0x80...0xBF; length = 2
                case 0xE0: second = 0xA0...0xBF; length = 3
                case 0xE1...0xEC, 0xEE...0xEF: second = 0x80...0xBF; length = 3
                case 0xED: second = 0x80...0x9F; length = 3
                case 0xF0: second = 0x90...0xBF; length = 4
                case 0xF1...0xF3: second = 0x80...0xBF; length = 4
                case 0xF4: second = 0x80...0x8F; length = 4
                default: return false
                }
                guard index + length <= count, second.contains(buffer[index + 1]) else { return false }
                for offset in 2..<length where buffer[index + offset] & 0xC0 != 0x80 { return false }
                index += length
            }
            return sawHigh
        }
    }

    static func looksLikeBOMLessUTF16(_ bytes: [UInt8]) -> Bool {
        let count = bytes.count
        guard count >= 4, count % 2 == 0 else { return false }
        // Sample the start of the file; INF text is ASCII-heavy, so UTF-16 shows as zero high bytes.
        let sampleUnits = min(count / 2, 4096)
        var asciiLike = 0
        for i in 0..<sampleUnits {
            let lo = bytes[2 * i], hi = bytes[2 * i + 1]
            if lo == 0 && hi == 0 { return false }
            if hi == 0 { asciiLike += 1 }
        }
        // The first unit must be text too, and at least 90 % of units must be ASCII-range characters.
        return bytes[1] == 0 && bytes[0] != 0 && asciiLike * 10 >= sampleUnits * 9
    }
}
