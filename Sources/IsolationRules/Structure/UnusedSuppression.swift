import Findings
import INFSyntax
import IsolationEngine

/// A suppression comment whose rules report nothing on the line it applies to.
public struct UnusedSuppression: Rule {
    public static let description = RuleDescription(
        name: "unused-suppression", codes: [],
        title: "A suppression comment silences no finding",
        why: "A suppression left behind after its finding is gone would hide the next, unrelated problem of the same rule on that line.",
        fix: "Remove the names that silence nothing from the comment, or the comment when none is needed.",
        levels: levels("W W W W"), fixable: true, group: .structure)

    public static let readsOtherFindings = true

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        PnpLockdown = 1 ; isolint: ignore[↓pnplockdown-missing] kept from before
        """),
        RuleExample("""
        [Version] ; isolint: ignore[pnplockdown-missing, ↓registry-root-not-hkr]
        Signature = "$Windows NT$"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version] ; isolint: ignore[pnplockdown-missing]
        Signature = "$Windows NT$"
        """),
        RuleExample("""
        ; isolint: ignore[pnplockdown-missing]
        [Version]
        Signature = "$Windows NT$"
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        PnpLockdown = 1 ; isolint: ignore[no-such-rule]
        """),
    ]

    public static let fixExamples = [
        FixExample(
            before: """
            [Version]
            Signature = "$Windows NT$"
            PnpLockdown = 1 ; isolint: ignore[pnplockdown-missing]
            ; isolint: ignore[pnplockdown-missing]
            Provider = Contoso
            """,
            after: """
            [Version]
            Signature = "$Windows NT$"
            PnpLockdown = 1
            Provider = Contoso
            """),
        FixExample(
            before: """
            [Version] ; isolint: ignore[pnplockdown-missing, registry-root-not-hkr]
            Signature = "$Windows NT$"
            """,
            after: """
            [Version] ; isolint: ignore[pnplockdown-missing]
            Signature = "$Windows NT$"
            """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        guard let audit = context.suppressionAudit, !audit.isNarrowed else { return [] }
        var result: [Violation] = []
        for (index, comment) in audit.suppressions.comments.enumerated() where comment.problem == nil {
            let unused = comment.entries.indices.filter { entry in
                let selector = comment.entries[entry].selector
                let matched = RuleCatalog.descriptions.filter(selector.matches)
                // A name that matches no rule is the other rule's; one that matches a rule that did not
                // run here (not selected, off in this mode, a binary rule without binaries) cannot be judged.
                guard !matched.isEmpty, matched.allSatisfy({ audit.ranRules.contains($0.name) }) else { return false }
                return !audit.used.contains(SuppressionUse(comment: index, entry: entry))
            }
            guard let first = unused.first else { continue }
            let names = unused.map { "'\(comment.entries[$0].selector.text)'" }
            let target = comment.target
            if unused.count == comment.entries.count {
                let message = names.count == 1
                    ? "Unused suppression: \(names[0]) reports nothing on line \(target)"
                    : "Unused suppression: none of \(names.joined(separator: ", ")) reports anything on line \(target)"
                result.append(Violation(range: comment.entries[first].range, message: message,
                                        fix: UnitFix(title: "Remove the suppression comment", safety: .safe,
                                                     edits: [(Self.removal(of: comment, in: context.tree), "")])))
            } else {
                let kept = comment.entries.indices.filter { !unused.contains($0) }
                let units = context.tree.source.text.units
                let listRange = comment.entries[0].range.lowerBound..<comment.entries[comment.entries.count - 1].range.upperBound
                let separator = units[listRange].contains(0x20) ? ", " : ","
                let list = kept.map { context.tree.text(of: comment.entries[$0].range) }.joined(separator: separator)
                let message = "Unused suppression: \(names.joined(separator: ", ")) \(names.count == 1 ? "reports" : "report") nothing on line \(target)"
                result.append(Violation(range: comment.entries[first].range, message: message,
                                        fix: UnitFix(title: "Remove \(names.joined(separator: ", ")) from the suppression", safety: .safe,
                                                     edits: [(listRange, list)])))
            }
        }
        return result
    }

    /// What removing `comment` removes: the whole line for a comment on a line of its own, else the
    /// comment and the blanks before it.
    static func removal(of comment: SuppressionComment, in tree: SyntaxTree) -> Range<Int> {
        let units = tree.source.text.units
        if comment.isOnOwnLine {
            let start = tree.lineStarts[comment.line - 1]
            let end = comment.line < tree.lineStarts.count ? tree.lineStarts[comment.line] : tree.textEnd
            return start..<end
        }
        var start = comment.range.lowerBound
        while start > 0 && (units[start - 1] == 0x20 || units[start - 1] == 0x09) { start -= 1 }
        return start..<comment.range.upperBound
    }
}
