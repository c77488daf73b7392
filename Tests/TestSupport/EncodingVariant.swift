/// The encodings every example is checked in: as written (LF), with CRLF line ends, and as UTF-16LE
/// with a byte-order mark and CRLF line ends, as Windows tools save INF files.
public enum EncodingVariant: String, CaseIterable, Sendable {
    case lf, crlf, utf16

    /// The bytes of `text` in this variant.
    public func encode(_ text: String) -> [UInt8] {
        switch self {
        case .lf: return Array(text.utf8)
        case .crlf: return Array(Self.crlf(text).utf8)
        case .utf16: return Self.utf16(Self.crlf(text))
        }
    }

    /// `text` as UTF-16LE with a byte-order mark, line ends unchanged.
    public static func utf16(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 {
            bytes.append(UInt8(unit & 0xFF))
            bytes.append(UInt8(unit >> 8))
        }
        return bytes
    }

    private static func crlf(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: "\r\n") }
}
