import Findings

/// ANSI styling for the text format; a no-op when colours are off, so that output without colours
/// holds no escape codes at all.
struct TextStyle: Sendable {
    /// Whether to emit escape codes.
    let colors: Bool

    private static let reset = "\u{1B}[0m"

    /// `text` wrapped in the SGR parameters `codes` (such as `1;31`), or unchanged without colours.
    func paint(_ text: String, _ codes: String) -> String {
        guard colors, !text.isEmpty else { return text }
        return "\u{1B}[\(codes)m\(text)\(Self.reset)"
    }

    /// Bold.
    func bold(_ text: String) -> String { paint(text, "1") }

    /// The gutter of a code frame and the `=` of note lines: bold blue.
    func gutter(_ text: String) -> String { paint(text, "1;34") }

    /// The fixable marker: bold cyan.
    func fixable(_ text: String) -> String { paint(text, "1;36") }

    /// Text in the colour of `level`: bold red, yellow or cyan.
    func level(_ text: String, _ level: Level) -> String {
        switch level {
        case .error: return paint(text, "1;31")
        case .warning: return paint(text, "1;33")
        case .note: return paint(text, "1;36")
        }
    }

    /// The success wording of a clean run: bold green.
    func success(_ text: String) -> String { paint(text, "1;32") }
}

/// `text` made safe to print on a terminal: C0 controls other than tab (line breaks included) become their
/// Unicode control pictures (U+2400…), DEL becomes U+2421 and C1 controls become U+FFFD, so that
/// text taken from an INF file cannot move the cursor or change colours.
func terminalSafe(_ text: String) -> String {
    // Controls are below 0x20, DEL, or (C1) start with the byte 0xC2: a text without those bytes is
    // passed over without decoding its scalars.
    let suspect: (UInt8) -> Bool = { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F || $0 == 0xC2 }
    // Printable ASCII holds no suspect byte: only the bytes from the first other word on are read.
    guard text.utf8.withContiguousStorageIfAvailable({ $0[endOfPrintableASCII($0)...].contains(where: suspect) })
            ?? text.utf8.contains(where: suspect),
          text.unicodeScalars.contains(where: isUnsafeControl) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0x09: result.append(scalar)
        case 0x00..<0x20: result.append(Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}")
        case 0x7F: result.append("\u{2421}")
        case 0x80..<0xA0: result.append("\u{FFFD}")
        default: result.append(scalar)
        }
    }
    return String(result)
}

private func isUnsafeControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09: return false
    case 0x00..<0x20, 0x7F..<0xA0: return true
    default: return false
    }
}
