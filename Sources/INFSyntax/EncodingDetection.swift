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
