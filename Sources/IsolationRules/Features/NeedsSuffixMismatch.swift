import Findings
import INFModel
import IsolationEngine

/// A `Needs` naming a section of another kind: a DDInstall needing a `.Services` section, a `.HW`
/// section needing a DDInstall section, and so on.
public struct NeedsSuffixMismatch: Rule {
    public static let description = RuleDescription(
        name: "needs-suffix-mismatch", codes: [1312],
        title: "Needs names a section of another kind",
        why: "Windows processes a needed section as if it were part of the section that needs it: a DDInstall section can only pull in DDInstall sections, a .Services section only .Services sections, a .HW section only .HW sections; a section of another kind is read with the wrong meaning. Isolint checks needed sections whose name ends in an install suffix (.Services, .HW, .Wdf, …), since inbox INFs name some of their suffix sections without one. InfVerif reports a needed section whose suffix differs from its parent section's as 1312.",
        fix: "Need the section with the same suffix as the needing section (for example Needs = WUDFRD.NT.Services in [X.NT.Services] and Needs = WUDFRD.NT in [X.NT]).",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT]
        Include = wudfrd.inf
        Needs = ↓WUDFRD.NT.Services
        [Install.NT.Services]
        Include = wudfrd.inf
        Needs = ↓WUDFRD.NT.HW
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT]
        Include = wudfrd.inf, ks.inf
        Needs = WUDFRD.NT, KS.Registration
        [Install.NT.Services]
        Include = wudfrd.inf
        Needs = WUDFRD.NT.Services
        [Install.NT.HW]
        Include = pci.inf, netvwifibus.inf
        Needs = PciD3ColdSupported.HW, VWiFiBus.PnPFilterRegistration
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        context.needs.compactMap { item in
            guard context.isDeviceInstallKind(item.section) else { return nil }
            let own = installKind(of: item.section.name), needed = installKind(of: item.value)
            // Inbox INFs name some suffix sections without the suffix (VWiFiBus.PnPFilterRegistration is
            // needed from a .HW section), so only a needed name with a suffix of its own is checked.
            guard let needed, own?.lowercased() != needed.lowercased() else { return nil }
            let ownText = own.map { "a .\($0) section" } ?? "a DDInstall section"
            let neededText = "a .\(needed) section"
            return Violation(range: context.range(of: item.line, field: item.field),
                             message: "[\(item.section.name)] is \(ownText) but Needs [\(item.value)], \(neededText)",
                             infVerifValues: [item.value, needed, item.section.name])
        }
    }
}
