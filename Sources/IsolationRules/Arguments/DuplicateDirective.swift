import Findings
import INFModel
import IsolationEngine

/// A directive that takes one value per section given on two lines.
public struct DuplicateDirective: Rule {
    public static let description = RuleDescription(
        name: "duplicate-directive", codes: [1088],
        title: "A single-valued directive is given twice in a section",
        why: "ServiceType, StartType, ErrorControl, ServiceBinary, Signature, Class, ClassGuid, Provider, DriverVer, CatalogFile, FeatureScore, FilterPosition and the other single-valued directives are read once per section; Windows takes the first line and ignores the second, so one of the two values is dead and the reader cannot tell which.",
        fix: "Keep one line for the directive, with the value meant.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Provider = Contoso
        ↓Provider = Fabrikam
        [Manufacturer]
        Contoso = Models, NTamd64
        [Models.NTamd64]
        Device = Install, ROOT\\Contoso
        [Install.NTamd64]
        [Install.NTamd64.Services]
        AddService = Contoso, 2, Service
        [Service]
        ServiceType = 1
        StartType = 3
        ↓starttype = 0
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Provider = Contoso
        [Manufacturer]
        Contoso = Models, NTamd64
        [Models.NTamd64]
        Device = Install, ROOT\\Contoso
        [Install.NTamd64]
        AddReg = A
        AddReg = B
        [Install.NTamd64.Services]
        AddService = Contoso, 2, Service
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        [A]
        HKR,,A,,1
        [B]
        HKR,,B,,1
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        // The first line of each directive, by section and directive name.
        var seen: [String: INFLine] = [:]
        for (section, line, schema) in context.directiveLines where schema.single {
            guard let key = line.key else { continue }
            let folded = section.foldedName + "|" + key.foldedCase
            guard let first = seen[folded] else {
                seen[folded] = line
                continue
            }
            result.append(Violation(range: context.range(of: line, field: 0),
                                    message: "Directive '\(key)' is given more than once in section [\(section.name)]",
                                    related: [(context.range(of: first, field: 0), "first given here")], code: 1088,
                                    infVerifValues: [key]))
        }
        return result
    }
}
