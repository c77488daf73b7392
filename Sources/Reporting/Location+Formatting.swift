import Findings

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
