extension StringProtocol {
    /// The pieces between occurrences of the ASCII character `separator`, as `split(separator:)`
    /// gives them (the same `maxSplits` and `omittingEmptySubsequences`), found by scanning bytes
    /// rather than by breaking the text into characters, which costs many times more.
    ///
    /// An ASCII separator is one byte of UTF-8 and never part of another character's bytes, so the
    /// pieces start and end between characters. (A combining mark written right after the separator
    /// would join it into one character for `split(separator:)`; INF text carries none there, and
    /// SetupAPI, which reads code units, splits there too.)
    public func split(ascii separator: Unicode.Scalar, maxSplits: Int = Int.max,
                      omittingEmptySubsequences: Bool = true) -> [Substring] {
        precondition(separator.isASCII, "the separator must be ASCII")
        let byte = UInt8(truncatingIfNeeded: separator.value)
        let text = Substring(self)
        return text.utf8.split(separator: byte, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences)
            .map { Substring($0) }
    }
}
