import DriverPackage
import Findings
import INFModel
import IsolationEngine

/// A directive other than Needs naming a section that only an included inbox INF defines.
public struct IncludedSectionNamedDirectly: Rule {
    public static let description = RuleDescription(
        name: "included-section-named-directly", codes: [1220],
        title: "A directive names a section of an included INF",
        why: "Sections of an included INF are processed only through Needs, which runs them with the whole context of that INF; an AddReg, CopyFiles or other directive naming one directly reads it out of context, or not at all.",
        fix: "Name the section with Needs (in a section that has the matching Include) instead of AddReg, CopyFiles or the other directive.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT]
        Include = ks.inf
        AddReg = ↓KS.Registration
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT]
        Include = ks.inf
        Needs = KS.Registration
        AddReg = Own_Reg
        [Own_Reg]
        HKR, , Mode, 0x00010001, 1
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let includes = context.includedINFs
        guard !includes.isEmpty else { return [] }
        var seen = Set<String>()
        return context.graph.links.compactMap { link in
            // Where the naming section has no Include, missing-section reports the name (1203).
            guard !context.document.hasSection(link.to),
                  context.document.section(named: link.from).map({ !$0.directive(.include).isEmpty }) == true,
                  let inf = context.includedINFOffering(link.to, among: includes),
                  seen.insert("\(link.line.syntaxIndex)|\(link.field)").inserted else { return nil }
            return Violation(range: context.range(of: link.line, field: link.field),
                             message: "\(link.directive) names [\(link.to)] of the included '\(inf)'; use Needs instead",
                             infVerifValues: [link.to])
        }
    }
}
