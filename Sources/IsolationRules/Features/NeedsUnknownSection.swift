import Findings
import INFModel
import IsolationEngine

/// A `Needs` naming a section that none of the inbox INFs the section includes defines.
public struct NeedsUnknownSection: Rule {
    public static let description = RuleDescription(
        name: "needs-unknown-section", codes: [1315],
        title: "Needs names a section the included inbox INF does not offer",
        why: "A needed section that neither this INF nor any INF its section includes defines is not found, and what the package expected it to install is missing. Isolint checks only Needs whose Includes all name inbox INFs whose sections it knows completely (wudfrd.inf, winusb.inf, mshidkmdf.inf, mshidumdf.inf, umpass.inf, netvwifibus.inf). InfVerif reports missing needed sections in 1315–1319 without publishing which code means which; Isolint reports them under 1315.",
        fix: "Correct the section name (see the inbox INF for the sections it offers) or Include the INF that defines it.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.Services]
        Include = wudfrd.inf
        Needs = ↓WUDFRD.Services
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.Services]
        Include = wudfrd.inf
        Needs = WUDFRD.NT.Services
        [Install.NT]
        Include = contoso_common.inf
        Needs = Contoso.Common
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        context.needs.compactMap { item in
            guard !context.document.hasSection(item.value) else { return nil }
            let includes = Set(item.section.directiveValues(.include).map { trimmed($0.value).lowercased() })
            guard !includes.isEmpty, includes.allSatisfy(InboxNeedsSections.completelyKnown.contains),
                  context.includedINFOffering(item.value, among: includes) == nil else { return nil }
            let names = includes.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return Violation(range: context.range(of: item.line, field: item.field),
                             message: "Needs names [\(item.value)], which neither this INF nor the included \(names) defines",
                             infVerifValues: [item.value])
        }
    }
}
