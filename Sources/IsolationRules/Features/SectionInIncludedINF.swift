import Findings
import INFModel
import IsolationEngine

/// A section of this INF whose name an INF it includes also defines.
public struct SectionInIncludedINF: Rule {
    public static let description = RuleDescription(
        name: "section-in-included-inf", codes: [2008],
        title: "A section has the name of a section of an included INF",
        why: "When a section name exists both in this INF and in an INF it includes, Needs and the other directives may pick either one, so what gets installed depends on the lookup order rather than on the INF.",
        fix: "Rename the INF's own section (and the directives that name it) to a name the included INF does not use.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT]
        Include = ks.inf
        Needs = KS.Registration
        ↓[KS.Registration]
        AddReg = Own_Reg
        [Own_Reg]
        HKR, , Mode, 0x00010001, 1
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT]
        Include = ks.inf
        Needs = KS.Registration, Contoso.Registration
        [Contoso.Registration]
        AddReg = Own_Reg
        [Own_Reg]
        HKR, , Mode, 0x00010001, 1
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var includes = context.includedINFs
        includes.remove(context.ownFileName)
        guard !includes.isEmpty else { return [] }
        return context.document.sections.compactMap { section in
            guard let inf = context.includedINFOffering(section.name, among: includes),
                  let header = context.headerRange(of: section) else { return nil }
            return Violation(range: header, message: "Section [\(section.name)] is also a section of the included '\(inf)'",
                             infVerifValues: [section.name])
        }
    }
}
