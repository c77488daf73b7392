import Findings
import INFSyntax

/// Inline suppressions: a comment `; isolint: ignore[name,…] reason` at the end of a line silences the
/// named rules on that line; on a line of its own, it silences them on the line below.
///
/// Every comment that starts with `isolint:` is kept, including those that are written wrongly (a
/// misspelled directive, a space before `[`, no list), so that rules can report what does nothing.
public struct Suppressions: Sendable {
    /// The `isolint:` comments of the file, in file order.
    public let comments: [SuppressionComment]
    /// Indices in ``comments`` of the valid comments, by the physical line they apply to.
    private let byLine: [Int: [Int]]

    public init(tree: SyntaxTree) {
        let units = tree.source.text.units
        var comments: [SuppressionComment] = []
        var byLine: [Int: [Int]] = [:]
        // Lines read in place: only those with a comment that may be a suppression are read further.
        tree.lines.withUnsafeBufferPointer { lines in
            for lineIndex in lines.indices where !lines[lineIndex].comments.isEmpty {
                for range in lines[lineIndex].comments where Self.mayBeSuppression(units[range]) {
                    let physical = tree.position(of: range.lowerBound).line
                    let ownLine = !lines[lineIndex].isEntry && lines[lineIndex].header == nil
                    let parsed = Self.parse(units[range])
                    let comment = SuppressionComment(range: range, line: physical, target: ownLine ? physical + 1 : physical,
                                                     isOnOwnLine: ownLine, entries: parsed.entries, problem: parsed.problem)
                    if comment.problem == nil { byLine[comment.target, default: []].append(comments.count) }
                    comments.append(comment)
                }
            }
        }
        self.comments = comments
        self.byLine = byLine
    }

    /// `isolint:` in any case, as the code units of the text a suppression starts with.
    private static let marker = Array("isolint:".utf16)
    /// `ignore` as code units.
    private static let ignoreWord = Array("ignore".utf16)

    /// The position after `word` (lowercase ASCII) at `index` of `units`, compared ignoring case.
    private static func skip(_ word: [UInt16], in units: ArraySlice<UInt16>, at index: Int) -> Int? {
        guard units.endIndex - index >= word.count else { return nil }
        for (offset, expected) in word.enumerated() {
            let unit = units[index + offset]
            guard (unit >= 0x41 && unit <= 0x5A ? unit | 0x20 : unit) == expected else { return nil }
        }
        return index + word.count
    }

    private static func skipBlanks(_ units: ArraySlice<UInt16>, from index: Int) -> Int {
        var index = index
        while index < units.endIndex && (units[index] == 0x20 || units[index] == 0x09) { index += 1 }
        return index
    }

    /// The position just after `isolint:` when a comment's code units start with `;`s, spaces or tabs
    /// and then `isolint:` in any case; checked without building a string.
    private static func markerEnd(_ units: ArraySlice<UInt16>) -> Int? {
        var index = units.startIndex
        while index < units.endIndex && units[index] == 0x3B { index += 1 }
        return skip(marker, in: units, at: skipBlanks(units, from: index))
    }

    /// Whether a comment starts like a suppression: `;`s, spaces or tabs and then `isolint:`.
    static func mayBeSuppression(_ units: ArraySlice<UInt16>) -> Bool { markerEnd(units) != nil }

    /// The entries of a comment's list and what is wrong with the comment, from its code units (whose
    /// indices are the text's); a comment that is not a suppression has the problem `.notIgnore`.
    static func parse(_ units: ArraySlice<UInt16>) -> (entries: [SuppressionComment.Entry], problem: SuppressionComment.Problem?) {
        guard let afterMarker = markerEnd(units) else { return ([], .notIgnore) }
        let wordStart = skipBlanks(units, from: afterMarker)
        guard let afterWord = skip(ignoreWord, in: units, at: wordStart),
              afterWord == units.endIndex || units[afterWord] == 0x5B || units[afterWord] == 0x20 || units[afterWord] == 0x09
        else { return ([], .notIgnore) }
        let open = skipBlanks(units, from: afterWord)
        guard open < units.endIndex, units[open] == 0x5B else { return ([], .noList) }
        guard let close = units[open...].firstIndex(of: 0x5D) else { return ([], .unclosedList) }
        var entries: [SuppressionComment.Entry] = []
        var start = open + 1
        while start <= close {
            let end = units[start..<close].firstIndex(of: 0x2C) ?? close
            var first = start, last = end
            while first < last && (units[first] == 0x20 || units[first] == 0x09) { first += 1 }
            while last > first && (units[last - 1] == 0x20 || units[last - 1] == 0x09) { last -= 1 }
            if first < last {
                let text = String(decoding: Array(units[first..<last]), as: UTF16.self)
                entries.append(SuppressionComment.Entry(selector: RuleSelector(text), range: first..<last))
            }
            start = end + 1
        }
        if entries.isEmpty { return ([], .emptyList) }
        if open > afterWord { return (entries, .spaceBeforeList(afterWord..<open)) }
        return (entries, nil)
    }

    /// The comment and entry that silence `rule` on physical line `line`, if one does.
    public func suppression(of rule: RuleDescription, onLine line: Int) -> SuppressionUse? {
        guard let indices = byLine[line] else { return nil }
        for index in indices {
            if let entry = comments[index].entries.firstIndex(where: { $0.selector.matches(rule) }) {
                return SuppressionUse(comment: index, entry: entry)
            }
        }
        return nil
    }

    /// Whether a finding of `rule` on physical line `line` is suppressed.
    public func suppresses(_ rule: RuleDescription, onLine line: Int) -> Bool {
        suppression(of: rule, onLine: line) != nil
    }
}

/// A comment that starts with `; isolint:`.
public struct SuppressionComment: Sendable, Hashable {
    /// One name of the list between `[` and `]`.
    public struct Entry: Sendable, Hashable {
        public let selector: RuleSelector
        /// The code units of the name as written (without the spaces around it).
        public let range: Range<Int>
    }

    /// Why a comment suppresses nothing.
    public enum Problem: Sendable, Hashable {
        /// Something other than `ignore[…]` follows `isolint:`.
        case notIgnore
        /// `ignore` with no `[…]` list.
        case noList
        /// A `[` with no `]`.
        case unclosedList
        /// `[]`: a list with no name.
        case emptyList
        /// Spaces between `ignore` and `[` (the code units of those spaces).
        case spaceBeforeList(Range<Int>)
    }

    /// The code units of the comment, from its `;` to the end of its line.
    public let range: Range<Int>
    /// The 1-based physical line of the comment.
    public let line: Int
    /// The physical line the comment silences: its own, or the next for a comment on a line of its own.
    public let target: Int
    /// Whether the comment is on a line of its own.
    public let isOnOwnLine: Bool
    /// The names of the list, in order.
    public let entries: [Entry]
    /// What makes the comment suppress nothing, if anything does.
    public let problem: Problem?
}

/// Which entry of which comment silenced a finding.
public struct SuppressionUse: Sendable, Hashable {
    /// The index in ``Suppressions/comments``.
    public let comment: Int
    /// The index in that comment's entries.
    public let entry: Int

    public init(comment: Int, entry: Int) {
        self.comment = comment
        self.entry = entry
    }
}

/// What the rules of one check did with the file's suppressions: read by the rules that report
/// suppressions that silence nothing, which run after every other rule.
public struct SuppressionAudit: Sendable {
    /// The file's suppression comments.
    public let suppressions: Suppressions
    /// The entries that silenced at least one finding.
    public let used: Set<SuppressionUse>
    /// The names of the rules that ran over the file (INF rules, and binary rules when its binaries
    /// were read): only their suppressions can be judged unused.
    public let ranRules: Set<String>
    /// Whether the check was narrowed to some architectures or Windows versions, where a suppression
    /// that silences nothing may still silence a finding elsewhere.
    public let isNarrowed: Bool

    public init(suppressions: Suppressions, used: Set<SuppressionUse>, ranRules: Set<String>, isNarrowed: Bool) {
        self.suppressions = suppressions
        self.used = used
        self.ranRules = ranRules
        self.isNarrowed = isNarrowed
    }
}
