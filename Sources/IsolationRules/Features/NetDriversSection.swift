import Findings
import INFModel
import IsolationEngine

/// A `DefaultInstall….NetDrivers` section in an INF whose class is not NetDriver.
public struct NetDriversSection: Rule {
    public static let description = RuleDescription(
        name: "netdrivers-section", codes: [2405],
        title: "Only NetDriver-class INFs may use DefaultInstall.NetDrivers",
        why: "The NetDrivers sections describe network components to the network configuration of the NetDriver setup class; in an INF of another class nothing reads them, so the components they declare are never installed.",
        fix: "Set Class = NetDriver (with its class GUID) in an INF that declares network drivers this way, or move the declarations to an INF of that class.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = Net
        ↓[DefaultInstall.NTamd64.NetDrivers]
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = NetDriver
        [DefaultInstall.NTamd64.NetDrivers]
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let className = context.document.version.className?.trimmingCharacters(in: " \t") ?? ""
        guard !CaseInsensitive.equal(className, "NetDriver") else { return [] }
        return context.primitiveSections.compactMap { item in
            guard item.name.base == "DefaultInstall", let suffix = item.name.suffix, CaseInsensitive.equal(suffix, "NetDrivers"),
                  let range = context.headerRange(of: item.section) else { return nil }
            let shown = className.isEmpty ? "no class" : "class '\(className)'"
            return Violation(range: range, message: "[\(item.section.name)] is only for NetDriver-class INFs; this INF has \(shown)")
        }
    }
}
