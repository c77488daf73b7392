import Findings
import INFModel
import IsolationEngine

/// A `[DefaultInstall]` or `[DefaultUninstall]` section without an architecture decoration.
public struct DefaultInstallNeedsArch: Rule {
    public static let description = RuleDescription(
        name: "defaultinstall-needs-arch", codes: [1421],
        title: "[DefaultInstall] has no architecture decoration",
        why: "Windows processes a DefaultInstall-based INF as a primitive driver, tracked in the driver store and kept across OS upgrades, only when the section names its architecture; an undecorated section is run as a legacy script.",
        fix: "Rename the section (and its .Services and other suffix sections) with the architecture it installs on, e.g. [DefaultInstall.NTamd64] and [DefaultInstall.NTamd64.Services]; in an .inx file write [DefaultInstall.NT$ARCH$].",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        ↓[DefaultInstall]
        CopyFiles = Drv_Files
        ↓[DefaultInstall.NT]
        CopyFiles = Drv_Files
        [DefaultInstall.Services]
        AddService = Contoso, , Service
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DefaultInstall.NTamd64]
        CopyFiles = Drv_Files
        ↓[DefaultUninstall]
        LegacyUninstall = 1
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DefaultInstall.NTamd64]
        CopyFiles = Drv_Files
        [DefaultInstall.NTamd64.Services]
        AddService = Contoso, , Service
        [DefaultInstall.NTarm64.10.0...25952]
        CopyFiles = Drv_Files
        [DefaultUninstall.NTamd64]
        LegacyUninstall = 1
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        context.primitiveSections.compactMap { section, name in
            guard name.isEntry, !name.hasArchitecture, let range = context.headerRange(of: section) else { return nil }
            return Violation(range: range,
                             message: "[\(section.name)] must be decorated with an architecture, e.g. [\(name.base).NTamd64], to be processed as a primitive driver",
                             infVerifValues: [section.name])
        }
    }
}
