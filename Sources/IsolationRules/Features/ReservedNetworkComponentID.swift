import Findings
import INFModel
import IsolationEngine

/// A Models entry ID beginning with `ms_` or `vms_` in an INF whose provider is not Microsoft.
public struct ReservedNetworkComponentID: Rule {
    public static let description = RuleDescription(
        name: "reserved-network-component-id", codes: [2415],
        title: "A component ID uses a prefix reserved for Microsoft",
        why: "A network component ID is the provider's name, an underscore and the component's name; the ms_ and vms_ prefixes name Microsoft's own components (MS_TCPIP, VMS_PP…), so another provider's component with such an ID can replace or be mistaken for Microsoft's.",
        fix: "Begin the component ID with your own company's name (for example CONTOSO_FILTER), and update the Ndi and binding entries that use it.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = NetService
        Provider = %Contoso%
        [Manufacturer]
        %Contoso% = Contoso, NTamd64
        [Contoso.NTamd64]
        %Filter% = Install, ↓ms_contosofilter
        [Strings]
        Contoso = "Contoso"
        Filter = "Contoso filter"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = NetService
        Provider = %Contoso%
        [Manufacturer]
        %Contoso% = Contoso, NTamd64
        [Contoso.NTamd64]
        %Filter% = Install, contoso_filter
        [Strings]
        Contoso = "Contoso"
        Filter = "Contoso filter"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let document = context.document
        if let provider = document.version.provider.map(trimmed), provider.foldedCase.hasPrefix("microsoft") { return [] }
        var result: [Violation] = []
        var seen = Set<Int>()
        for entry in document.manufacturers {
            for name in [entry.modelsSection] + entry.decorations.map({ "\(entry.modelsSection).\($0.text)" }) {
                for model in document.models(in: name) where seen.insert(model.line.syntaxIndex).inserted {
                    for (index, id) in model.hardwareIDs.enumerated() {
                        let folded = trimmed(id).foldedCase
                        guard folded.hasPrefix("ms_") || folded.hasPrefix("vms_") else { continue }
                        result.append(Violation(range: context.range(of: model.line, field: index + 2),
                                                message: "ID '\(trimmed(id))' begins with a prefix reserved for Microsoft's components",
                                                infVerifValues: [trimmed(id)]))
                    }
                }
            }
        }
        return result
    }
}
