import Isolation

extension Location {
    /// Whether the location is an offset in a binary file.
    var isBinary: Bool { binaryOffset != nil }

    /// Whether the range ends on a later line than it starts.
    var isMultiLine: Bool { endLine > line }

    /// Where the location points, as people read it: `file:line:col`, `file` for the whole file,
    /// or `file+0x1A2B` for an offset in a binary.
    var displayDescription: String {
        if let binaryOffset { return "\(file)+\(hexadecimal(binaryOffset))" }
        if isWholeFile { return file }
        return "\(file):\(line):\(Swift.max(column, 1))"
    }
}

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
