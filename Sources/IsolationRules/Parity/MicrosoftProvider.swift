import Findings
import INFModel
import IsolationEngine

/// A `Provider` that is or begins with "Microsoft".
public struct MicrosoftProvider: Rule {
    public static let description = RuleDescription(
        name: "microsoft-provider", codes: [1204],
        title: "Provider names Microsoft",
        why: "The provider is shown as the author of the driver and ranks it against the inbox one; only Microsoft's own INFs may name Microsoft, and a copied inbox INF that keeps the name misleads users and driver ranking.",
        fix: "Set Provider to your company's name (through a %strkey% of [Strings]).",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Provider = ↓%MSFT%
        [Strings]
        MSFT = "Microsoft"
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Provider = ↓"Microsoft Corporation"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Provider = %Contoso%
        [Strings]
        Contoso = "Contoso, a Microsoft partner"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        guard let line = context.document.version.providerLine, let provider = line.fields.first else { return [] }
        let trimmed = provider.trimmingCharacters(in: " \t")
        guard trimmed.lowercased().hasPrefix("microsoft") else { return [] }
        return [Violation(range: context.range(of: line, field: 1),
                          message: "Provider '\(trimmed)' may not be or begin with \"Microsoft\"")]
    }
}
