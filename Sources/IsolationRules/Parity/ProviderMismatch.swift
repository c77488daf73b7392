import Findings
import INFModel
import IsolationEngine

/// A `Provider` other than the one the run requires (`--provider`, or `provider` in isolint.toml).
public struct ProviderMismatch: Rule {
    public static let description = RuleDescription(
        name: "provider-mismatch", codes: [1210],
        title: "Provider differs from the required one",
        why: "A company that ships many packages wants each to name it the same way: Device Manager shows the provider, driver ranking and `pnputil /enum-drivers` group by it, and a package built from another team's template may still carry their name.",
        fix: "Set Provider in [Version] to the required name (through a %strkey% of [Strings]), or run with the provider the package really has.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        ; provider: Contoso
        [Version]
        Signature = "$Windows NT$"
        Provider = ↓%Fabrikam%
        [Strings]
        Fabrikam = "Fabrikam, Inc."
        """),
        RuleExample("""
        ; provider: Contoso
        ⇓[Version]
        Signature = "$Windows NT$"
        Class = System
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        ; provider: Contoso
        [Version]
        Signature = "$Windows NT$"
        Provider = %Contoso%
        [Strings]
        Contoso = "contoso"
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Provider = "Anyone"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        guard let expected = context.expectedProvider?.trimmingCharacters(in: " \t") else { return [] }
        guard let line = context.document.version.providerLine else {
            return [Violation(range: nil, message: "[Version] names no Provider; '\(expected)' is required",
                              infVerifValues: ["", expected])]
        }
        let provider = (line.fields.first ?? "").trimmingCharacters(in: " \t")
        guard !CaseInsensitive.equal(provider, expected) else { return [] }
        return [Violation(range: context.range(of: line, field: 1),
                          message: "Provider '\(provider)' is not the required provider '\(expected)'",
                          infVerifValues: [provider, expected])]
    }
}
