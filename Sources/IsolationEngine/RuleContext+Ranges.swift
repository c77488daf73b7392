import Findings
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

    /// The text a new line should end with in this file (read from the file once).
    public var newline: String { shared(NewlineKey.self) { tree.lineEndingStyle.newline } }

    /// The file's `; isolint:` comments (read once).
    public var suppressions: Suppressions { shared(SuppressionsKey.self) { Suppressions(tree: tree) } }

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

extension RuleContext {
    /// An edit appending a new section with `lines` at the end of the text.
    public func appendingSection(_ name: String, lines: [String]) -> (range: Range<Int>, replacement: String) {
        let end = tree.textEnd
        let units = tree.source.text.units
        var prefix = needsNewlineBefore(end) ? newline : ""
        // Keep a blank line between the last section and the new one.
        if end > 0, !(end >= 2 && units[end - 1] == 0x0A && (units[end - 2] == 0x0A || (end >= 3 && units[end - 2] == 0x0D && units[end - 3] == 0x0A))) {
            prefix += newline
        }
        let body = (["[\(name)]"] + lines).map { $0 + newline }.joined()
        return (end..<end, prefix + body)
    }

    /// `base`, or `base` with a number appended, so that no section of the file has the name.
    public func unusedSectionName(_ base: String) -> String {
        if !document.hasSection(base) { return base }
        var index = 2
        while document.hasSection("\(base)\(index)") { index += 1 }
        return "\(base)\(index)"
    }
}

extension RuleContext {
    /// The paths in `range` that start with a DIRID (`%N%…`), each up to the next ';' or quote: where
    /// a path starts (the field's start, or after ';', a quote or a space), the DIRID and the length of
    /// its `%N%` text.
    public func diridPaths(in range: Range<Int>) -> [(range: Range<Int>, dirid: Int, diridLength: Int)] {
        let units = tree.source.text.units
        var result: [(range: Range<Int>, dirid: Int, diridLength: Int)] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let startsPath = i == range.lowerBound || units[i - 1] == 0x3B || units[i - 1] == 0x22 || units[i - 1] == 0x20
            guard units[i] == 0x25, startsPath else { i += 1; continue }
            var j = i + 1
            var value = 0
            while j < range.upperBound, units[j] >= 0x30, units[j] <= 0x39, value < 1_000_000 {
                value = value * 10 + Int(units[j] - 0x30)
                j += 1
            }
            guard j > i + 1, j < range.upperBound, units[j] == 0x25 else { i += 1; continue }
            var end = j + 1
            while end < range.upperBound, units[end] != 0x3B, units[end] != 0x22 { end += 1 }
            result.append((i..<end, value, j + 1 - i))
            i = end
        }
        return result
    }
}

/// The file's line end, for the rules whose fixes add lines.
private enum NewlineKey: RuleContextKey { typealias Value = String }
private enum SuppressionsKey: RuleContextKey { typealias Value = Suppressions }
