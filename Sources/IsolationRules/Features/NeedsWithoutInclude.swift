import Findings
import INFModel
import IsolationEngine

/// A `Needs` of a section this INF does not define, without an `Include` in the INF or in the same section.
public struct NeedsWithoutInclude: Rule {
    public static let description = RuleDescription(
        name: "needs-without-include", codes: [2651, 1314],
        title: "Needs names a section of another INF without Include",
        why: "Windows finds a needed section of another INF only in the INFs that the same section names with Include; without it the section is not found and what it installs (services, registry values, files) is missing. InfVerif reports a Needs without any Include in the INF as 2651, and one whose section does not itself Include the INF as 1314 (\"Needed section found in included INF, not referenced from\" the section).",
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

    /// The inbox INF whose sections include `section`, if Isolint knows one.
    static func offeringINF(_ section: String) -> String? {
        InboxNeedsSections.byINF.keys.sorted().first { InboxNeedsSections.offers(section, inINF: $0) }
    }

    public func check(_ context: RuleContext) -> [Violation] {
        let anyInclude = !context.includedINFs.isEmpty
        return context.needs.compactMap { item in
            guard !context.document.hasSection(item.value) else { return nil }
            if !anyInclude {
                return Violation(range: context.range(of: item.line, field: item.field),
                                 message: "Needs names [\(item.value)], which this INF does not define, but the INF has no Include",
                                 code: 2651, infVerifValues: [item.value, Self.offeringINF(item.value) ?? item.value])
            }
            guard item.section.directiveValues(.include).isEmpty else { return nil }
            return Violation(range: context.range(of: item.line, field: item.field),
                             message: "[\(item.section.name)] Needs [\(item.value)] of another INF without an Include in the same section",
                             code: 1314,
                             infVerifValues: [item.value, Self.offeringINF(item.value) ?? context.includedINFs.sorted().first ?? "", item.section.name])
        }
    }
}
