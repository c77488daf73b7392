import Findings
import INFModel
import IsolationEngine

/// An AddService or DelService line without a service name, other than the null driver.
public struct UnnamedService: Rule {
    public static let description = RuleDescription(
        name: "unnamed-service", codes: [1253, 1272],
        title: "A service directive has no service name",
        why: "Without a name there is no service to add or delete: the only nameless form is `AddService = ,2`, which installs the device with no function driver, and a service-install section given to it is never read.",
        fix: "Name the service; for a device that needs no driver write `AddService = ,2` without an install section.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.Services]
        ↓AddService = , 0, Filter_Service
        [Cleanup.Services]
        ↓DelService = , 0x200
        [Filter_Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\filter.sys
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.Services]
        AddService = , 2, ↓Null_Service
        [Null_Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\null.sys
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.Services]
        AddService = , 2
        [Filter.NT.Services]
        AddService = ContosoFilter, 0, Filter_Service
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
        for section in context.document.sections {
            for service in context.document.services(in: section) where service.name.trimmingCharacters(in: " \t").isEmpty {
                if !service.isFunctionDriver {
                    result.append(Violation(range: context.range(of: service.line),
                                            message: "AddService has no service name; only the null driver (`AddService = ,2`) may omit it",
                                            code: 1253, infVerifValues: ["AddService", section.name]))
                } else if let installSection = service.installSection {
                    result.append(Violation(range: context.range(of: service.line, field: 3),
                                            message: "The service-install section '\(installSection)' of the unnamed null driver is ignored",
                                            code: 1272, infVerifValues: [installSection]))
                }
            }
            for line in section.directive(.delService) where (line.field(1) ?? "").trimmingCharacters(in: " \t").isEmpty {
                result.append(Violation(range: context.range(of: line), message: "DelService has no service name", code: 1253,
                                        infVerifValues: ["DelService", section.name]))
            }
        }
        return result
    }
}
