import Findings
import INFModel
import IsolationEngine

/// A filter-install section with both FilterLevel and FilterPosition.
public struct ExclusiveDirectives: Rule {
    public static let description = RuleDescription(
        name: "exclusive-directives", codes: [1087],
        title: "A filter-install section has both FilterLevel and FilterPosition",
        why: "A declarative filter is placed either at a filter level the base driver package defines or at the default upper or lower position; the two directives exclude each other, and a section with both does not say where the filter goes.",
        fix: "Keep FilterLevel when the base package defines levels, otherwise FilterPosition.",
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
        [Install.NTamd64.Filters]
        AddFilter = ContosoFilter,, Filter
        [Filter]
        FilterLevel = ContosoLevel
        ↓FilterPosition = Upper
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
        [Install.NTamd64.Filters]
        AddFilter = ContosoFilter,, Filter
        [Filter]
        FilterLevel = ContosoLevel
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        context.directiveSections.compactMap { section, kinds in
            guard kinds.contains(.filterInstall), let level = section.firstLine(withKey: .filterLevel),
                  let position = section.firstLine(withKey: .filterPosition) else { return nil }
            let later = level.syntaxIndex > position.syntaxIndex ? level : position
            let earlier = later.syntaxIndex == level.syntaxIndex ? position : level
            return Violation(range: context.range(of: later, field: 0),
                             message: "Directives 'FilterLevel' and 'FilterPosition' are mutually exclusive in section [\(section.name)]",
                             related: [(context.range(of: earlier, field: 0), "the other directive")], code: 1087,
                             infVerifValues: [earlier.key ?? "", later.key ?? "", later.key ?? ""])
        }
    }
}
