import Findings
import INFModel
import IsolationEngine

/// The associated service's install section sets StartType = 4 (SERVICE_DISABLED).
public struct AssociatedServiceDisabled: Rule {
    public static let description = RuleDescription(
        name: "associated-service-disabled", codes: [1251],
        title: "The associated service is disabled",
        why: "A device cannot be installed when its function driver's service is SERVICE_DISABLED: the service never starts, so the device is left without a driver.",
        fix: "Use StartType = 3 (SERVICE_DEMAND_START) for a Plug and Play function driver.",
        levels: levels("W W W W"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.Services]
        AddService = Contoso, 0x00000002, Service
        [Service]
        ServiceType = 1
        StartType = ↓4
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.Services]
        AddService = Contoso, 0x00000002, Service
        AddService = ContosoHelper, , HelperService
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        [HelperService]
        ServiceType = 0x10
        StartType = 4
        ErrorControl = 1
        ServiceBinary = %13%\\helper.exe
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        var seen = Set<Int>()
        for (install, section) in context.services where install.isFunctionDriver {
            guard let section, section.startType == ServiceRegistryKnowledge.disabledStartType,
                  let line = section.section.firstLine(withKey: .startType), seen.insert(line.syntaxIndex).inserted else { continue }
            result.append(Violation(
                range: context.range(of: line, field: 1),
                message: "The associated service '\(install.name)' is disabled: [\(section.section.name)] sets StartType = 4 (SERVICE_DISABLED)",
                related: [(context.range(of: install.line), "the AddService line that makes it the associated service")],
                infVerifValues: [install.name]))
        }
        return result
    }
}
