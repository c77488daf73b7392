import Findings
import INFModel
import IsolationEngine

/// A missing `[Version]` section or a signature other than `$Windows NT$`.
public struct VersionSection: Rule {
    public static let description = RuleDescription(
        name: "version-section", codes: [1001],
        title: "[Version] is missing or its signature is not $Windows NT$",
        why: "SetupAPI opens an INF for device installation only with a [Version] Signature, and InfVerif accepts only $Windows NT$.",
        fix: "Start the file with [Version] and Signature = \"$Windows NT$\".",
        levels: levels("E E E E"), fixable: true, group: .structure)

    public static let triggeringExamples = [
        RuleExample("⇓[Strings]\nA = B\n"),
        RuleExample("[Version]\nSignature = ↓\"$CHICAGO$\"\n"),
        RuleExample("↓[Version]\nClass = Sample\n"),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("[Version]\nSignature = \"$WINDOWS NT$\"\n"),
        RuleExample("[version]\nsignature = $windows nt$\n"),
    ]

    public static let fixExamples = [
        FixExample(
            before: """
            [Version]
            Signature = "$CHICAGO$"
            Class = Ports
            """,
            after: """
            [Version]
            Signature = "$Windows NT$"
            Class = Ports
            """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        guard let version = context.document.section(named: "Version") else {
            return [Violation(range: nil, message: "The file has no [Version] section", infVerifValues: [context.tree.source.path])]
        }
        let info = context.document.version
        guard let signature = info.signature else {
            return [Violation(range: context.headerRange(of: version), message: "[Version] has no Signature; SetupAPI refuses to open the file",
                              infVerifValues: [context.tree.source.path])]
        }
        if info.isWindowsNTSignature { return [] }
        let value = info.signatureValue ?? ""
        let range = context.range(of: signature, field: 1)
        let opens = INFDocument.acceptedSignatures.contains { CaseInsensitive.equal($0, value) }
        let message = opens
            ? "Signature '\(value)' is for Windows 9x; use \"$Windows NT$\""
            : "Signature '\(value)' is not $Windows NT$; SetupAPI refuses to open the file"
        return [Violation(range: range, message: message,
                          fix: UnitFix(title: "Set the signature to $Windows NT$", safety: .safe, edits: [(range, "\"$Windows NT$\"")]),
                          infVerifValues: [context.tree.source.path])]
    }
}
