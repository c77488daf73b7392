/// The character encoding an INF file was read with, as SetupAPI decides it from the bytes.
public enum TextEncoding: Sendable, Hashable, CustomStringConvertible {
    /// UTF-16 little endian; `bom` tells whether the file starts with FF FE.
    case utf16LE(bom: Bool)
    /// UTF-8 introduced by an EF BB BF byte-order mark.
    case utf8BOM
    /// Windows code page 1252, the ANSI code page SetupAPI uses for every other file.
    case ansi

    /// The number of bytes the byte-order mark takes at the start of the file.
    public var bomLength: Int {
        switch self {
        case .utf16LE(let bom): return bom ? 2 : 0
        case .utf8BOM: return 3
        case .ansi: return 0
        }
    }

    /// Whether SetupAPI treats the file as Unicode (UTF-16LE) text.
    public var isUTF16: Bool {
        if case .utf16LE = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .utf16LE(let bom): return bom ? "utf-16le-bom" : "utf-16le"
        case .utf8BOM: return "utf-8-bom"
        case .ansi: return "cp1252"
        }
    }
}

/// The dominant line-ending style of a file, kept so that edits can write new lines the same way.
public enum LineEndingStyle: String, Sendable, Hashable {
    /// Every line ends in CR LF.
    case crlf
    /// Every line ends in a bare LF.
    case lf
    /// Both CR LF and bare LF occur.
    case mixed
    /// The file holds no LF at all.
    case none

    /// The characters a new line should end with.
    public var newline: String {
        switch self {
        case .crlf: return "\r\n"
        default: return "\n"
        }
    }
}
