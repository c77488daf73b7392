import Findings

/// A way of naming rules: a full name, a name prefix, or an InfVerif code (which selects every rule
/// that lists it). Used by `--select`, `--ignore`, configuration and inline suppressions.
public struct RuleSelector: Sendable, Hashable, CustomStringConvertible {
    public let text: String

    public init(_ text: String) {
        self.text = text.trimmingSpaces().lowercased()
    }

    /// Whether the selector names the rule described by `rule`.
    public func matches(_ rule: RuleDescription) -> Bool {
        if text == "all" { return true }
        if let code = Int(text) { return rule.codes.contains(code) }
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

    /// Selectors that match no rule of `catalog`, for a helpful error.
    public func unknownSelectors(in catalog: [RuleDescription]) -> [RuleSelector] {
        let all = (select ?? []) + extendSelect + ignore
        return all.filter { selector in !catalog.contains { selector.matches($0) } }
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
