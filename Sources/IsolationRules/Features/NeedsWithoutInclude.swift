import Findings
import INFModel
import IsolationEngine

/// A `Needs` of a section this INF does not define, without an `Include` in the INF or in the same section.
public struct NeedsWithoutInclude: Rule {
    public static let description = RuleDescription(
        name: "needs-without-include", codes: [2651, 1313, 1314],
        title: "Needs names a section of another INF without Include",
        why: "Windows finds a needed section of another INF only in the INFs that the same section names with Include; without it the section is not found and what it installs (services, registry values, files) is missing. InfVerif reports a Needs without any Include in the INF as 2651 and one without an Include in its own section in 1313–1314, without publishing which of the two; Isolint reports that case under 1313.",
        fix: "Add Include = <inbox>.inf in the same section as the Needs (for example Include = wudfrd.inf beside Needs = WUDFRD.NT.Services).",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.Services]
        Needs = ↓WUDFRD.NT.Services
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT]
        Include = wudfrd.inf
        Needs = WUDFRD.NT
        [Install.NT.Services]
        Needs = ↓WUDFRD.NT.Services
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT]
        Include = wudfrd.inf
        Needs = WUDFRD.NT, Common
        [Install.NT.Services]
        Include = wudfrd.inf
        Needs = WUDFRD.NT.Services
        [Common]
        AddReg = Common_Reg
        [Common_Reg]
        HKR, , Mode, 0x00010001, 1
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let anyInclude = !context.includedINFs.isEmpty
        return context.needs.compactMap { item in
            guard !context.document.hasSection(item.value) else { return nil }
            if !anyInclude {
                return Violation(range: context.range(of: item.line, field: item.field),
                                 message: "Needs names [\(item.value)], which this INF does not define, but the INF has no Include",
                                 code: 2651)
            }
            guard item.section.directiveValues("Include").isEmpty else { return nil }
            return Violation(range: context.range(of: item.line, field: item.field),
                             message: "[\(item.section.name)] Needs [\(item.value)] of another INF without an Include in the same section",
                             code: 1313)
        }
    }
}
