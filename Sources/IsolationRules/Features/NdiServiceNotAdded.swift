import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge

/// An Ndi `Service` or `CoServices` value naming a service the INF does not add.
public struct NdiServiceNotAdded: Rule {
    public static let description = RuleDescription(
        name: "ndi-service-not-added", codes: [2501],
        title: "An Ndi Service or CoServices value names a service the INF does not add",
        why: "The network configuration starts the services that the component's Ndi key names in Service and CoServices; a service this INF does not add with AddService belongs to another package or does not exist, so the component depends on state it does not own.",
        fix: "Add the service with AddService in the DDInstall.Services section, or name the service this INF adds.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = NetService
        [Install]
        AddReg = Ndi_Reg
        [Install.Services]
        AddService = ContosoFilter, , Filter_Service
        [Ndi_Reg]
        HKR, Ndi, Service, , ↓"ContosoFlt"
        HKR, Ndi, CoServices, 0x00010000, "ContosoFilter", ↓"ContosoHelper"
        [Filter_Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\filter.sys
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = NetService
        [Install]
        AddReg = Ndi_Reg
        [Install.Services]
        AddService = ContosoFilter, , Filter_Service
        [Ndi_Reg]
        HKR, Ndi, Service, , "ContosoFilter"
        HKR, Ndi, CoServices, 0x00010000, "ContosoFilter"
        [Filter_Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\filter.sys
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        // A section needed from an inbox INF may add the service.
        if context.needs.contains(where: { !context.document.hasSection($0.value) }) { return [] }
        let added = context.addedServiceNames
        var result: [Violation] = []
        for item in context.uniqueRegistryEntries where item.entry.operation == .addReg && item.entry.root == .relative {
            let entry = item.entry
            guard entry.normalizedSubkey == "ndi", let value = entry.valueName.map(trimmed),
                  CaseInsensitive.equal(value, "Service") || CaseInsensitive.equal(value, "CoServices") else { continue }
            for (index, service) in entry.data.enumerated() {
                let name = trimmed(service)
                guard !name.isEmpty, !added.contains(name.lowercased()) else { continue }
                result.append(Violation(range: context.range(of: entry.line, field: 5 + index),
                                        message: "Ndi \(value) names service '\(name)', which this INF does not add",
                                        infVerifValues: [name]))
            }
        }
        return result
    }
}
