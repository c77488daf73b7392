import Findings
import INFModel
import IsolationEngine

/// A `[DefaultInstall]`-based INF that Windows cannot process as a primitive driver.
public struct PrimitiveDefaultInstall: Rule {
    public static let description = RuleDescription(
        name: "primitive-defaultinstall", codes: [1420, 1212],
        title: "A DefaultInstall-based INF cannot be processed as a primitive driver",
        why: "Since Windows 10 version 1903 a DefaultInstall-based INF is installed as a primitive driver, staged in the driver store and kept across OS upgrades; that needs [Version] to name the class and provider as a device INF does, and no [Manufacturer] section beside it.",
        fix: "Give [Version] a Class, ClassGuid and Provider; split an INF that installs devices (Manufacturer) and a primitive driver (DefaultInstall) into two INFs.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Provider = %Contoso%
        ↓[DefaultInstall.NTamd64]
        CopyFiles = Drv_Files
        [DefaultInstall.NTarm64]
        CopyFiles = Drv_Files
        [Strings]
        Contoso = "Contoso"
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = System
        ClassGuid = {4d36e97d-e325-11ce-bfc1-08002be10318}
        Provider = %Contoso%
        [Manufacturer]
        %Contoso% = Models, NTamd64
        [Models.NTamd64]
        %Desc% = Install, ROOT\\CONTOSO
        ↓[DefaultInstall.NTamd64]
        CopyFiles = Drv_Files
        [Strings]
        Contoso = "Contoso"
        Desc = "Contoso device"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = ActivityMonitor
        ClassGuid = {b86dff51-a31e-4bac-b3cf-e8cfe75c9fc2}
        Provider = %Contoso%
        [DefaultInstall.NTamd64]
        CopyFiles = Drv_Files
        [DefaultUninstall.NTamd64]
        LegacyUninstall = 1
        [Strings]
        Contoso = "Contoso"
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        [ClassInstall32]
        AddReg = ClassReg
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        guard let entry = context.primitiveSections.first(where: { $0.name.isEntry && $0.name.base == "DefaultInstall" }),
              let range = context.headerRange(of: entry.section) else { return [] }
        let version = context.document.version
        var result: [Violation] = []
        let missing = [("Class", version.className), ("ClassGuid", version.classGuid), ("Provider", version.provider)]
            .filter { $0.1?.isEmpty ?? true }.map(\.0)
        if !missing.isEmpty {
            result.append(Violation(range: range, message: "[\(entry.section.name)]-based INF cannot be processed as a primitive driver: [Version] does not set \(missing.joined(separator: ", "))",
                                    code: 1420))
        }
        if let manufacturer = context.document.section(named: "Manufacturer"), !manufacturer.lines.isEmpty {
            result.append(Violation(range: range, message: "Cannot have both [\(entry.section.name)] and [Manufacturer]: a primitive driver installs on no device",
                                    code: 1212, infVerifValues: [entry.section.name, "Manufacturer"]))
        }
        return result
    }
}
