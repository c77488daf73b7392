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
        // Printable ASCII holds no line break: only the bytes from the first other word on are read.
        for index in endOfPrintableASCII(bytes)..<bytes.count {
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

/// The offset where a byte-by-byte scan of `bytes` must start to meet every byte that is not
/// printable ASCII (below 0x20 or from 0x7F up): the start of the first eight-byte word holding
/// one, or of the last partial word. Two borrow and carry tests per word find such bytes exactly.
func endOfPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    let raw = UnsafeRawPointer(base)
    var index = 0
    while index &+ 8 <= bytes.count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        // A byte below 0x20 borrows into its bit 7; a byte from 0x7F up has bit 7 set once 1 is added.
        let below = (word &- 0x2020_2020_2020_2020) & ~word
        let above = word | (word &+ 0x0101_0101_0101_0101)
        if (below | above) & 0x8080_8080_8080_8080 != 0 { return index }
        index &+= 8
    }
    return index
}
