import INFModel
import INFSyntax

extension RuleContext {
    /// The ranges of every occurrence of `needle` (ASCII, case-insensitive) in the source text of `range`.
    public func occurrences(of needle: String, in range: Range<Int>) -> [Range<Int>] {
        let units = tree.source.text.units
        let pattern = Array(needle.lowercased().utf16)
        guard !pattern.isEmpty, range.count >= pattern.count else { return [] }
        var result: [Range<Int>] = []
        var i = range.lowerBound
        while i + pattern.count <= range.upperBound {
            var matched = true
            for (k, p) in pattern.enumerated() {
                var c = units[i + k]
                if c >= 0x41 && c <= 0x5A { c |= 0x20 }
                if c != p { matched = false; break }
            }
            if matched {
                result.append(i..<(i + pattern.count))
                i += pattern.count
            } else {
                i += 1
            }
        }
        return result
    }

    /// The `%N%` references to DIRID `dirid` written in field `index` of `line` (leading zeros allowed).
    public func diridReferences(_ dirid: Int, in line: INFLine, field index: Int) -> [Range<Int>] {
        guard let token = document.token(of: line, field: index) else { return [] }
        return occurrences(of: "%\(dirid)%", in: token.range)
    }

    /// The text a new line should end with in this file.
    public var newline: String { tree.source.lineEndingStyle.newline }

    /// Where a new line can be inserted after the last line of `section` (the end of that line,
    /// including its line end), or after its header when it has no line.
    public func insertionPoint(after section: INFSection) -> Int? {
        if let last = section.lines.last { return tree.lines[last.syntaxIndex].range.upperBound }
        guard let header = section.headers.last else { return nil }
        return tree.lines[tree.sections[header].headerLine].range.upperBound
    }

    /// Whether the text ends its last line with a line end, so an insertion at the end needs one first.
    public func needsNewlineBefore(_ index: Int) -> Bool {
        let units = tree.source.text.units
        return index > 0 && index <= units.count && units[index - 1] != 0x0A
    }
}
