import Findings
import INFSyntax

/// Inline suppressions: a comment `; isolint: ignore[name,…] reason` at the end of a line silences the
/// named rules on that line; on a line of its own, it silences them on the line below.
public struct Suppressions: Sendable {
    /// Selectors by the physical line they apply to.
    private var byLine: [Int: [RuleSelector]] = [:]

    public init(tree: SyntaxTree) {
        let units = tree.source.text.units
        for line in tree.lines {
            for comment in line.comments where Self.mayBeSuppression(units[comment]) {
                let text = tree.text(of: comment)
                guard let selectors = Self.parse(text) else { continue }
                let physical = tree.position(of: comment.lowerBound).line
                let target = line.isEntry || line.header != nil ? physical : physical + 1
                byLine[target, default: []] += selectors
            }
        }
    }

    /// `isolint:` in any case, as the code units of the text a suppression starts with.
    private static let marker = Array("isolint:".utf16)

    /// Whether a comment's code units start with `;`s, spaces or tabs and then `isolint:` in any
    /// case: what ``parse(_:)`` needs before it looks further, checked without building a string.
    static func mayBeSuppression(_ units: ArraySlice<UInt16>) -> Bool {
        var index = units.startIndex
        while index < units.endIndex && units[index] == 0x3B { index += 1 }
        while index < units.endIndex && (units[index] == 0x20 || units[index] == 0x09) { index += 1 }
        guard units.endIndex - index >= marker.count else { return false }
        for (offset, expected) in marker.enumerated() {
            let unit = units[index + offset]
            guard (unit >= 0x41 && unit <= 0x5A ? unit | 0x20 : unit) == expected else { return false }
        }
        return true
    }

    /// The selectors of a comment's text, or `nil` when it is not a suppression.
    static func parse(_ comment: String) -> [RuleSelector]? {
        var text = Substring(comment)
        while text.first == ";" { text.removeFirst() }
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        guard trimmed.lowercased().hasPrefix("isolint:") else { return nil }
        let rest = trimmed.dropFirst("isolint:".count).drop { $0 == " " || $0 == "\t" }
        guard rest.lowercased().hasPrefix("ignore["), let close = rest.firstIndex(of: "]") else { return nil }
        let list = rest[rest.index(rest.startIndex, offsetBy: 7)..<close]
        let selectors = list.split(separator: ",").map { RuleSelector(String($0)) }.filter { !$0.text.isEmpty }
        return selectors.isEmpty ? nil : selectors
    }

    /// Whether a finding of `rule` on physical line `line` is suppressed.
    public func suppresses(_ rule: RuleDescription, onLine line: Int) -> Bool {
        byLine[line]?.contains { $0.matches(rule) } ?? false
    }
}
