import Findings
import INFModel
import IsolationEngine

/// A service-install section without one of its four required keys, or a filter-install section with
/// neither FilterLevel nor FilterPosition.
public struct RequiredDirectiveMissing: Rule {
    public static let description = RuleDescription(
        name: "required-directive-missing", codes: [1234],
        title: "A section lacks a directive it requires",
        why: "Windows creates a service only from a service-install section with ServiceType, StartType, ErrorControl and ServiceBinary, and places a declarative filter only from a filter-install section with FilterLevel or FilterPosition; without them the AddService or AddFilter that names the section fails.",
        fix: "Add the missing directive to the section.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        Contoso = Models, NTamd64
        [Models.NTamd64]
        Device = Install, ROOT\\Contoso
        [Install.NTamd64]
        [Install.NTamd64.Services]
        AddService = Contoso, 2, Service
        [Install.NTamd64.Filters]
        AddFilter = ContosoFilter,, Filter
        ↓[Service]
        ServiceType = 1
        StartType = 3
        ServiceBinary = %13%\\contoso.sys
        ↓[Filter]
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        Contoso = Models, NTamd64
        [Models.NTamd64]
        Device = Install, ROOT\\Contoso
        [Install.NTamd64]
        [Install.NTamd64.Services]
        AddService = Contoso, 2, Service
        [Install.NTamd64.Filters]
        AddFilter = ContosoFilter,, Filter
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        [Filter]
        FilterPosition = Upper
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for (section, kinds) in context.directiveSections {
            if kinds.contains(.serviceInstall) {
                let missing = DirectiveKnowledge.requiredServiceKeys.filter { section.firstLine(withKey: $0) == nil }
                if !missing.isEmpty {
                    let names = missing.map { "'\($0)'" }.joined(separator: ", ")
                    result.append(Violation(range: context.headerRange(of: section),
                                            message: "Service-install section [\(section.name)] is missing required directive\(missing.count > 1 ? "s" : "") \(names)",
                                            code: 1234, infVerifValues: [missing[0], section.name]))
                }
            }
            if kinds.contains(.filterInstall), section.firstLine(withKey: .filterLevel) == nil,
               section.firstLine(withKey: .filterPosition) == nil {
                result.append(Violation(range: context.headerRange(of: section),
                                        message: "Filter-install section [\(section.name)] needs a 'FilterLevel' or 'FilterPosition' directive",
                                        code: 1234, infVerifValues: ["FilterLevel", section.name]))
            }
        }
        return result
    }
}
