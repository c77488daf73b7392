import Findings
import INFModel
import IsolationEngine

/// A `.Services` section that marks more than one service as the device's function driver.
public struct MultipleAssociatedServices: Rule {
    public static let description = RuleDescription(
        name: "multiple-associated-services", codes: [1211],
        title: "More than one service is the associated service",
        why: "SPSVCINST_ASSOCSERVICE (0x2) makes a service the device's function driver, and a device has exactly one; with two, which one drives the device depends on the order SetupAPI processes the lines.",
        fix: "Keep the 0x2 flag on the function driver's AddService line only; filters and helper services are added without it.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.Services]
        AddService = ContosoBus, 0x00000002, Bus_Service
        AddService = ContosoFilter, ↓0x00000002, Filter_Service
        [Bus_Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\bus.sys
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
        [Install.NT.Services]
        AddService = ContosoBus, 0x00000002, Bus_Service
        AddService = ContosoFilter, , Filter_Service
        [Bus_Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\bus.sys
        [Filter_Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\filter.sys
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for section in context.document.sections where !section.directive(.addService).isEmpty {
            let associated = context.document.services(in: section).filter(\.isFunctionDriver)
            guard let first = associated.first else { continue }
            // A merged section may repeat the same line; that is one service, not two.
            var names: Set<String> = [first.name.lowercased()]
            for service in associated.dropFirst() where names.insert(service.name.lowercased()).inserted {
                let name = service.name.isEmpty ? "the null driver" : "'\(service.name)'"
                let firstName = first.name.isEmpty ? "the null driver" : "'\(first.name)'"
                result.append(Violation(
                    range: context.range(of: service.line, field: 2),
                    message: "[\(section.name)] marks \(name) as the associated service (SPSVCINST_ASSOCSERVICE) after \(firstName); a device has only one",
                    related: [(context.range(of: first.line), "the first associated service")],
                    infVerifValues: [section.name, first.name, service.name]))
            }
        }
        return result
    }
}
