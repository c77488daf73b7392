import Findings
import INFModel
import IsolationEngine

/// A directive in a kind of section that does not take it, or a suffix section without the directive it exists for.
public struct DirectiveForSection: Rule {
    public static let description = RuleDescription(
        name: "directive-for-section", codes: [1289, 1290],
        title: "A directive is in the wrong kind of section, or missing from its section",
        why: "Windows reads each directive only in its kind of section: AddService in DDInstall.Services, AddInterface in .Interfaces, AddFilter in .Filters, AddComponent in .Components, AddSoftware in .Software, AddEventProvider in .Events, KmdfService and UmdfService in .Wdf, ServiceBinary in a service-install section. Elsewhere the directive is ignored; and a .Filters, .Interfaces, .Components or .Software section without its directive installs nothing.",
        fix: "Move the directive to the section of its kind (`[Install.NTamd64.Services]` for AddService), or add the directive the suffix section exists for.",
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
        ↓AddService = Contoso, 2, Service
        ↓ServiceBinary = %13%\\contoso.sys
        [Install.NTamd64.Services]
        AddService = Contoso, 2, Service
        ↓AddInterface = {4d36e97d-e325-11ce-bfc1-08002be10318}
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        Contoso = Models, NTamd64
        [Models.NTamd64]
        Device = Install, ROOT\\Contoso
        [Install.NTamd64]
        ↓[Install.NTamd64.Filters]
        AddReg = Reg
        [Reg]
        HKR,,A,,B
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
        [Install.NTamd64.Interfaces]
        AddInterface = {4d36e97d-e325-11ce-bfc1-08002be10318}
        [Install.NTamd64.Filters]
        AddFilter = ContosoFilter,, Filter
        [Install.NTamd64.Software]
        Needs = Base.Software
        [Filter]
        FilterPosition = Upper
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for (section, kinds) in context.directiveSections {
            // Only sections whose kind is known from the directives that reach them.
            let known = kinds.allSatisfy { kind in
                if case .suffix = kind { return true }
                return kind == .install
            }
            guard known else { continue }
            let suffixes = Set(kinds.compactMap { kind -> String? in if case .suffix(let s) = kind { return s.foldedCase } else { return nil } })
            for line in section.lines where line.hasExplicitKey {
                guard let key = line.key else { continue }
                let folded = key.foldedCase
                if let suffix = DirectiveTable.suffixOnly[folded], !suffixes.contains(suffix.foldedCase) {
                    result.append(Violation(range: context.range(of: line, field: 0),
                                            message: "Directive '\(key)' is invalid in section [\(section.name)]; it belongs in a DDInstall.\(suffix) section",
                                            code: 1290, infVerifValues: [key, section.name]))
                } else if folded == "servicebinary" {
                    result.append(Violation(range: context.range(of: line, field: 0),
                                            message: "Directive '\(key)' is invalid in section [\(section.name)]; it belongs in a service-install section",
                                            code: 1290, infVerifValues: [key, section.name]))
                }
            }
            for suffix in suffixes.sorted() {
                guard let required = DirectiveKnowledge.suffixRequiredDirective.first(where: { $0.key.foldedCase == suffix })?.value,
                      section.firstLine(withKey: required) == nil, section.firstLine(withKey: .include) == nil,
                      section.firstLine(withKey: .needs) == nil else { continue }
                result.append(Violation(range: context.headerRange(of: section),
                                        message: "Section [\(section.name)] is missing directive '\(required)'", code: 1289,
                                        infVerifValues: [required, section.name]))
            }
        }
        return result
    }
}
