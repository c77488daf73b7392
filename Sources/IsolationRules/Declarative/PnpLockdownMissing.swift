import Findings
import INFModel
import IsolationEngine

/// `[Version]` without `PnpLockdown=1`.
public struct PnpLockdownMissing: Rule {
    public static let description = RuleDescription(
        name: "pnplockdown-missing", codes: [1324],
        title: "[Version] does not set PnpLockdown=1",
        why: "PnpLockdown=1 keeps applications from modifying the package's installed files, which isolation relies on.",
        fix: "Add PnpLockdown = 1 to [Version].",
        levels: levels("E E W W"), fixable: true, group: .declarative)

    public static let triggeringExamples = [
        RuleExample("""
        ↓[Version]
        Signature = "$Windows NT$"
        Class = Sample
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        PnpLockdown = ↓0
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        PnpLockdown = 1
        """),
        RuleExample("""
        [Strings]
        A = B
        """),
    ]

    public static let fixExamples = [
        FixExample(
            before: """
            [Version]
            Signature = "$Windows NT$"
            Class = Sample

            [Strings]
            A = B
            """,
            after: """
            [Version]
            Signature = "$Windows NT$"
            Class = Sample
            PnpLockdown = 1

            [Strings]
            A = B
            """),
        FixExample(
            before: """
            [Version]
            Signature = "$Windows NT$"
            PnpLockdown = 0 ; locked down later
            """,
            after: """
            [Version]
            Signature = "$Windows NT$"
            PnpLockdown = 1 ; locked down later
            """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        guard let version = context.document.section(named: "Version") else { return [] }
        if let line = version.firstLine(withKey: "PnpLockdown") {
            guard line.fields.first.flatMap({ IntegerField(parsing: $0).int32 }) != 1 else { return [] }
            let range = context.range(of: line, field: 1)
            return [Violation(range: range, message: "[Version] sets PnpLockdown to '\(line.fields.first ?? "")'; it should be 1 to keep applications from modifying the installed driver files",
                              fix: UnitFix(title: "Set PnpLockdown = 1", safety: .safe, edits: [(range, "1")]))]
        }
        guard let header = context.headerRange(of: version), let insertAt = context.insertionPoint(after: version) else { return [] }
        let prefix = context.needsNewlineBefore(insertAt) ? context.newline : ""
        return [Violation(range: header, message: "[Version] section should specify PnpLockdown=1 to keep applications from modifying installed driver files",
                          fix: UnitFix(title: "Add PnpLockdown = 1", safety: .safe, edits: [(insertAt..<insertAt, prefix + "PnpLockdown = 1" + context.newline)]))]
    }
}
