/// `value` in upper-case hexadecimal with a `0x` prefix, as in `0x1A2B`.
func hexadecimal(_ value: Int) -> String {
    "0x" + String(value, radix: 16, uppercase: true)
}

/// `count` followed by `singular` or `plural`, as in `1 error` and `3 errors`.
func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
    "\(count) \(count == 1 ? singular : plural)"
}

/// The text with every line break (CR, LF or CRLF) replaced by one space, for one-line formats.
func singleLine(_ text: String) -> String {
    guard containsLineBreak(text) else { return text }
    return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: " ")
}

/// `path` with every backslash replaced by `/`.
func forwardSlashes(_ path: String) -> String {
    String(String.UnicodeScalarView(path.unicodeScalars.map { $0 == "\\" ? "/" : $0 }))
}

/// Whether `text` holds a character that breaks lines (`Character.isNewline`: LF, VT, FF, CR, NEL,
/// U+2028, U+2029), found by its UTF-8 bytes without splitting the text into characters.
func containsLineBreak(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
        for index in 0..<bytes.count {
            switch bytes[index] {
            case 0x0A...0x0D: return true
            case 0xC2: if index + 1 < bytes.count, bytes[index + 1] == 0x85 { return true }
            case 0xE2:
                if index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                    return true
                }
            default: continue
            }
        }
        return false
    }
}
