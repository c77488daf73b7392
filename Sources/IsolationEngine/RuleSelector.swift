import Findings

/// A way of naming rules: `all`, a group (its letter, `b`, or its name, `registry`), a full rule
/// name, a name prefix (`registry-` or at least three letters), an InfVerif code (which selects every
/// rule that lists it) or a range of codes (`1300-1303`). Used by `--select`, `--ignore`,
/// configuration and inline suppressions.
public struct RuleSelector: Sendable, Hashable, CustomStringConvertible {
    public let text: String

    public init(_ text: String) {
        self.text = text.trimmingSpaces().lowercased()
    }

    /// The group the selector names, by letter or name.
    public var group: RuleGroup? {
        RuleGroup.allCases.first { $0.rawValue.lowercased() == text || $0.tag == text }
    }

    /// The InfVerif codes the selector names: one code, or a range written `low-high`.
    public var codes: ClosedRange<Int>? {
        if let code = Int(text), code >= 0 { return code...code }
        let bounds = text.split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count == 2, let low = Int(bounds[0]), let high = Int(bounds[1]), low >= 0, low <= high else { return nil }
        return low...high
    }

    /// Whether the selector names the rule described by `rule`.
    public func matches(_ rule: RuleDescription) -> Bool {
        if text == "all" { return true }
        if let group { return rule.group == group }
        if let codes { return rule.codes.contains(where: codes.contains) }
        return rule.name == text || rule.name.hasPrefix(text.hasSuffix("-") ? text : text + "-") || rule.name.hasPrefix(text) && text.count >= 3
    }

    public var description: String { text }
}

/// Which rules a run reports: the selection, extended, minus what is ignored.
public struct RuleSelection: Sendable {
    public var select: [RuleSelector]?
    public var extendSelect: [RuleSelector]
    public var ignore: [RuleSelector]

    public init(select: [RuleSelector]? = nil, extendSelect: [RuleSelector] = [], ignore: [RuleSelector] = []) {
        self.select = select
        self.extendSelect = extendSelect
        self.ignore = ignore
    }

    /// Whether the rule is selected.
    public func includes(_ rule: RuleDescription) -> Bool {
        let selected = (select?.contains { $0.matches(rule) } ?? true) || extendSelect.contains { $0.matches(rule) }
        return selected && !ignore.contains { $0.matches(rule) }
    }

    /// Selectors that match no rule of `catalog`, for a helpful error: InfVerif codes are left out,
    /// since a configuration shared with InfVerif may name codes no rule reports
    /// (``unmatchedCodes(in:)``).
    public func unknownSelectors(in catalog: [RuleDescription]) -> [RuleSelector] {
        let all = (select ?? []) + extendSelect + ignore
        return all.filter { selector in selector.codes == nil && !catalog.contains { selector.matches($0) } }
    }

    /// The code selectors that match no rule of `catalog`: accepted, with a note.
    public func unmatchedCodes(in catalog: [RuleDescription]) -> [RuleSelector] {
        let all = (select ?? []) + extendSelect + ignore
        return all.filter { selector in selector.codes != nil && !catalog.contains { selector.matches($0) } }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let first = s.first, first == " " || first == "\t" { s.removeFirst() }
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return String(s)
    }
}
