import Findings
import INFModel
import IsolationEngine

/// A UmdfService of a `.Wdf` section that the section's UmdfServiceOrder does not list.
public struct UmdfServiceNotOrdered: Rule {
    public static let description = RuleDescription(
        name: "umdf-service-not-ordered", codes: [1400],
        title: "A UMDF service is not listed in UmdfServiceOrder",
        why: "UMDF adds its drivers to the device stack in the order UmdfServiceOrder lists them, and only those; the directive is required even for a single UMDF driver, and a UmdfService it does not name is never loaded.",
        fix: "List every UmdfService name of the .Wdf section in its UmdfServiceOrder, lowest driver first.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.Wdf]
        UmdfService = ↓Contoso, Contoso_Umdf
        [Contoso_Umdf]
        UmdfLibraryVersion = 2.15.0
        ServiceBinary = %13%\\contoso.dll
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.Wdf]
        UmdfService = Contoso, Contoso_Umdf
        UmdfService = ↓ContosoFilter, Filter_Umdf
        UmdfServiceOrder = Contoso
        [Contoso_Umdf]
        UmdfLibraryVersion = 2.15.0
        ServiceBinary = %13%\\contoso.dll
        [Filter_Umdf]
        UmdfLibraryVersion = 2.15.0
        ServiceBinary = %13%\\filter.dll
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.Wdf]
        UmdfService = Contoso, Contoso_Umdf
        UmdfService = ContosoFilter, Filter_Umdf
        UmdfServiceOrder = Contoso, ContosoFilter
        [Contoso_Umdf]
        UmdfLibraryVersion = 2.15.0
        ServiceBinary = %13%\\contoso.dll
        [Filter_Umdf]
        UmdfLibraryVersion = 2.15.0
        ServiceBinary = %13%\\filter.dll
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for section in context.document.sections {
            let services = section.directive(.umdfService)
            guard !services.isEmpty else { continue }
            let ordered = Set(section.directiveValues(.umdfServiceOrder).map { trimmed($0.value).lowercased() })
            for line in services {
                let name = trimmed(line.field(1) ?? "")
                guard !name.isEmpty, !ordered.contains(name.lowercased()) else { continue }
                result.append(Violation(range: context.range(of: line, field: 1),
                                        message: "UMDF service '\(name)' of [\(section.name)] is not listed in UmdfServiceOrder",
                                        infVerifValues: [name]))
            }
        }
        return result
    }
}
