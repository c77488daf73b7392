import Findings
import INFModel
import IsolationEngine

/// A Models decoration with a ProductType or SuiteMask, which only desktop editions evaluate.
public struct DesktopOnlyDecoration: Rule {
    public static let description = RuleDescription(
        name: "desktop-only-decoration", codes: [1307],
        title: "A Models decoration names a product type or suite mask",
        why: "A universal INF installs the same way on every edition of Windows; a TargetOSVersion decoration with a ProductType or SuiteMask field selects Models sections by edition, which only desktop Windows evaluates.",
        fix: "Drop the ProductType and SuiteMask fields from the decoration (NTamd64.10.0...16299 rather than NTamd64.10.0.1.0x0100...16299) and let one Models section serve every edition.",
        levels: levels("E E E W"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Models, NTamd64, ↓NTamd64.10.0.1
        [Models.NTamd64]
        [Models.NTamd64.10.0.1]
        [Strings]
        Mfg = "Contoso"
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Models, ↓NTamd64.6.3.3.0x0080
        [Models.NTamd64.6.3.3.0x0080]
        [Strings]
        Mfg = "Contoso"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Models, NTamd64, NTamd64.10.0...16299
        [Models.NTamd64]
        [Models.NTamd64.10.0...16299]
        [Strings]
        Mfg = "Contoso"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for entry in context.document.manufacturers {
            for decoration in entry.decorations where decoration.productType != nil || decoration.suiteMask != nil {
                guard let field = entry.line.fields.firstIndex(where: { CaseInsensitive.equal($0, decoration.text) }) else { continue }
                let parts = [decoration.productType.map { "ProductType \($0)" }, decoration.suiteMask.map { "SuiteMask \($0)" }]
                    .compactMap { $0 }.joined(separator: " and ")
                result.append(Violation(range: context.range(of: entry.line, field: field + 1),
                                        message: "Decoration '\(decoration.text)' selects by \(parts), which only desktop editions evaluate",
                                        infVerifValues: ["TargetOSVersion decoration", decoration.text]))
            }
        }
        return result
    }
}
