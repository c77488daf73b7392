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
    guard text.contains(where: \.isNewline) else { return text }
    return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: " ")
}

/// `path` with every backslash replaced by `/`.
func forwardSlashes(_ path: String) -> String {
    String(String.UnicodeScalarView(path.unicodeScalars.map { $0 == "\\" ? "/" : $0 }))
}
