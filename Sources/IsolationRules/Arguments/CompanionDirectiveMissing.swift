import Findings
import INFModel
import IsolationEngine

/// A WDF directive without the directive that must come with it.
public struct CompanionDirectiveMissing: Rule {
    public static let description = RuleDescription(
        name: "companion-directive-missing", codes: [1084],
        title: "A WDF directive lacks its companion directive",
        why: "The WDF co-installation reads directives in pairs: a KmdfService section needs KmdfLibraryVersion, a UmdfService section needs UmdfLibraryVersion, and a DDInstall.Wdf section with UmdfService needs UmdfServiceOrder to load the UMDF drivers. Without the companion the framework does not know which library or order to use and the device fails to start.",
        fix: "Add the missing directive: `KmdfLibraryVersion = 1.15` or `UmdfLibraryVersion = 2.15.0` in the service's WDF section, `UmdfServiceOrder = <service>` in the DDInstall.Wdf section.",
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
        [Install.NTamd64.Wdf]
        ↓UmdfService = ContosoUm, UmdfSection
        KmdfService = Contoso, ↓KmdfSection
        [UmdfSection]
        UmdfLibraryVersion = 2.15.0
        ServiceBinary = %13%\\contoso.dll
        [KmdfSection]
        KmdfServiceVersion = 1.15
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        Contoso = Models, NTamd64
        [Models.NTamd64]
        Device = Install, ROOT\\Contoso
        [Install.NTamd64]
        [Install.NTamd64.Wdf]
        UmdfService = ContosoUm, ↓UmdfSection
        UmdfServiceOrder = ContosoUm
        [UmdfSection]
        ServiceBinary = %13%\\contoso.dll
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
        [Install.NTamd64.Wdf]
        UmdfService = ContosoUm, UmdfSection
        UmdfServiceOrder = ContosoUm
        KmdfService = Contoso, KmdfSection
        [UmdfSection]
        UmdfLibraryVersion = 2.15.0
        ServiceBinary = %13%\\contoso.dll
        [KmdfSection]
        KmdfLibraryVersion = 1.15
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for (section, kinds) in context.directiveSections where kinds.contains(.suffix("Wdf")) {
            let umdf = section.directive(.umdfService)
            if let first = umdf.first, section.firstLine(withKey: .umdfServiceOrder) == nil {
                result.append(Violation(range: context.range(of: first, field: 0),
                                        message: "Directive 'UmdfService' in [\(section.name)] needs a 'UmdfServiceOrder' directive",
                                        code: 1084,
                                        infVerifValues: ["UmdfServiceOrder", "UmdfService", "service", first.fields.first ?? "", section.name]))
            }
            for (directive, companion) in [("KmdfService", "KmdfLibraryVersion"), ("UmdfService", "UmdfLibraryVersion")] {
                for line in section.directive(directive) {
                    guard let name = line.field(2), !name.isEmpty, let target = context.document.section(named: name),
                          target.firstLine(withKey: companion) == nil else { continue }
                    result.append(Violation(range: context.range(of: line, field: 2),
                                            message: "Section [\(target.name)] of directive '\(directive)' needs a '\(companion)' directive",
                                            code: 1084, infVerifValues: [companion, directive, "section", target.name, target.name]))
                }
            }
        }
        return result
    }
}
