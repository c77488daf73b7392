import Findings
import INFModel
import IsolationEngine

/// An AddService or DelService EventLogType other than System, Application or Security.
public struct EventLogType: Rule {
    public static let description = RuleDescription(
        name: "event-log-type", codes: [1250],
        title: "EventLogType is not System, Application or Security",
        why: "The event-log entry of a service is created under one of the three classic logs; any other name leaves the service's events without a registered source.",
        fix: "Write System (the default, right for nearly every driver), Application or Security, or leave the field empty.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.Services]
        AddService = Contoso, 0x2, Service, EventLog, ↓Drivers
        [Cleanup.Services]
        DelService = OldContoso, 0x4, ↓Hardware
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        [EventLog]
        AddReg = EventLog_AddReg
        [EventLog_AddReg]
        HKR, , TypesSupported, 0x00010001, 7
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.Services]
        AddService = Contoso, 0x2, Service, EventLog, System
        AddService = ContosoSvc, , Service, EventLog, , ContosoEvents
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        [EventLog]
        AddReg = EventLog_AddReg
        [EventLog_AddReg]
        HKR, , TypesSupported, 0x00010001, 7
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        // AddService: name, flags, install section, event-log section, type; DelService: name, flags, type.
        for section in context.document.sections {
            for (directive, field) in [(KeyName.addService, 5), (.delService, 3)] {
                for line in section.directive(directive) {
                    guard let type = line.field(field)?.trimmingCharacters(in: " \t"), !type.isEmpty,
                          !ServiceRegistryKnowledge.eventLogTypes.contains(type.lowercased()) else { continue }
                    result.append(Violation(range: context.range(of: line, field: field),
                                            message: "EventLogType '\(type)' of \(directive) must be System, Application or Security",
                                            infVerifValues: [type]))
                }
            }
        }
        return result
    }
}
