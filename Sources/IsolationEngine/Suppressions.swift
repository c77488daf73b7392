import Findings
import INFSyntax

/// Inline suppressions: a comment `; isolint: ignore[name,…] reason` at the end of a line silences the
/// named rules on that line; on a line of its own, it silences them on the line below.
public struct Suppressions: Sendable {
    /// Selectors by the physical line they apply to.
    private var byLine: [Int: [RuleSelector]] = [:]

    public init(tree: SyntaxTree) {
        for line in tree.lines {
            for comment in line.comments {
                let text = tree.text(of: comment)
                guard let selectors = Self.parse(text) else { continue }
                let physical = tree.position(of: comment.lowerBound).line
                let target = line.isEntry || line.header != nil ? physical : physical + 1
                byLine[target, default: []] += selectors
            }
        }
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
