import Findings
import INFSyntax
import IsolationEngine

/// A `; isolint:` comment that silences nothing because it is written wrongly or names no rule.
public struct InvalidSuppression: Rule {
    public static let description = RuleDescription(
        name: "invalid-suppression", codes: [],
        title: "A suppression comment is malformed or names no rule",
        why: "A suppression that is written wrongly silences nothing, quietly: the finding it was meant for stays, or a misspelled name hides that the comment does nothing.",
        fix: "Write `; isolint: ignore[rule-name, …]` with rule names, group names or InfVerif codes that exist (`isolint rules` lists them).",
        levels: levels("W W W W"), fixable: true, group: .structure)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$" ; isolint: ignore[↓pnplockdown-mising]
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$" ↓; isolint: ignore [pnplockdown-missing]
        """),
        RuleExample("""
        ↓; isolint: ignore the next line
        [Version]
        Signature = "$Windows NT$"
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$" ↓; isolint: ignroe[pnplockdown-missing]
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$" ↓;isolint:ignore[]
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$" ↓; isolint: ignore[pnplockdown-missing
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$" ; isolint: ignore[registry, ↓9999]
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$" ; isolint: ignore[pnplockdown-missing] set by the build
        ; isolint: IGNORE[registry, 1324, D, pnp]
        Class = Sample
        ; a comment that mentions isolint: further on is not a suppression
        """),
    ]

    public static let fixExamples = [
        FixExample(
            before: """
            [Version]
            Signature = "$Windows NT$" ; isolint: ignore  [pnplockdown-missing]
            """,
            after: """
            [Version]
            Signature = "$Windows NT$" ; isolint: ignore[pnplockdown-missing]
            """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for comment in context.suppressions.comments {
            if let problem = comment.problem {
                result.append(Self.violation(for: problem, comment: comment))
                continue
            }
            for entry in comment.entries where !RuleCatalog.descriptions.contains(where: entry.selector.matches) {
                let name = entry.selector.text
                let message: String
                if let codes = entry.selector.codes {
                    let what = codes.count == 1 ? "InfVerif code \(codes.lowerBound)" : "an InfVerif code in \(name)"
                    message = "No rule reports \(what): '\(name)' in this suppression silences nothing"
                } else {
                    let suggestion = RuleNames.nearest(to: name).map { "; did you mean '\($0)'?" } ?? ""
                    message = "'\(name)' names no rule, group or InfVerif code: the suppression silences nothing for it\(suggestion)"
                }
                result.append(Violation(range: entry.range, message: message))
            }
        }
        return result
    }

    static func violation(for problem: SuppressionComment.Problem, comment: SuppressionComment) -> Violation {
        switch problem {
        case .notIgnore:
            return Violation(range: comment.range, message: "The comment starts with 'isolint:' but is not 'isolint: ignore[rule, …]': it silences nothing")
        case .noList:
            return Violation(range: comment.range, message: "'isolint: ignore' names no rule: write the rules in brackets, 'ignore[rule-name]'; the comment silences nothing")
        case .unclosedList:
            return Violation(range: comment.range, message: "The list after 'isolint: ignore[' has no closing ']': the comment silences nothing")
        case .emptyList:
            return Violation(range: comment.range, message: "'isolint: ignore[]' names no rule: the comment silences nothing")
        case .spaceBeforeList(let spaces):
            return Violation(
                range: comment.range,
                message: "A space between 'ignore' and '[': the comment silences nothing",
                fix: UnitFix(title: "Remove the space before '['", safety: .unsafe, edits: [(spaces, "")],
                             followUp: "The comment then silences the findings it names: check that they should be silenced."))
        }
    }
}
