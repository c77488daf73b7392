import Findings
import INFModel
import IsolationEngine

/// A directive that names sections (AddReg, CopyFiles, Needs, …) with an empty section name.
public struct EmptySectionName: Rule {
    public static let description = RuleDescription(
        name: "empty-section-name", codes: [1005],
        title: "A directive that names sections has an empty name",
        why: "AddReg, CopyFiles, DelFiles, Include, Needs and the other list directives take section (or file) names; an empty value names nothing, so the directive does nothing there and usually hides a name that was lost in an edit.",
        fix: "Write the section name, or remove the empty value (and the directive, when it names nothing at all).",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DefaultInstall.NTamd64]
        ↓CopyFiles =
        ↓AddReg = Reg,,Reg2
        [Reg]
        HKLM,Software\\Contoso,A,,B
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DefaultInstall.NTamd64]
        ↓AddReg = ,Reg
        [Reg]
        HKLM,Software\\Contoso,A,,B
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DefaultInstall.NTamd64]
        CopyFiles = Files,
        AddReg = Reg, Reg2
        [Files]
        a.sys
        [Reg]
        HKLM,Software\\Contoso,A,,B
        [Reg2]
        HKLM,Software\\Contoso,C,,D
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for (section, _) in context.directiveSections {
            for line in section.lines where line.hasExplicitKey {
                guard let key = line.key, DirectiveTable.listDirectives.contains(CaseInsensitive.fold(key)) else { continue }
                let values = line.rawFields.map { $0.trimmingCharacters(in: " \t") }
                // A trailing comma after a name (`CopyFiles = Files,`) leaves nothing unnamed.
                let last = values.lastIndex(where: { !$0.isEmpty }) ?? 0
                for (offset, value) in values.enumerated() where value.isEmpty && offset <= last {
                    result.append(Violation(range: context.rangeOfValue(line, field: offset + 1),
                                            message: "Directive '\(key)' needs a section name", code: 1005, infVerifValues: [key]))
                }
            }
        }
        return result
    }
}
