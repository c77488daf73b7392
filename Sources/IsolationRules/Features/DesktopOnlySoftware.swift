import Findings
import INFModel
import IsolationEngine

/// An AddSoftware section of SoftwareType 1 (an MSI or EXE installer): desktop editions only.
public struct DesktopOnlySoftware: Rule {
    public static let description = RuleDescription(
        name: "desktop-only-software", codes: [1144],
        title: "AddSoftware installs a Win32 installer, a desktop-only software type",
        why: "SoftwareType 1 runs an MSI or EXE installer, which only desktop editions of Windows support (not Windows 10 S or other editions); a universal INF references a Microsoft Store app with SoftwareType 2.",
        fix: "Publish the device software in the Microsoft Store and reference it with SoftwareType = 2 and SoftwareID = pfn://…, or keep type 1 for a desktop-only package.",
        levels: levels("W W E W"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.Software]
        AddSoftware = ContosoPanel,, Panel_Software
        [Panel_Software]
        SoftwareType = ↓1
        SoftwareBinary = panel.exe
        SoftwareVersion = 1.0.0.0
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.Software]
        AddSoftware = ContosoApp,, App_Software
        [App_Software]
        SoftwareType = 2
        SoftwareID = pfn://Contoso.Panel_1234abcd
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var seen = Set<String>()
        return context.targets(of: "AddSoftware", field: 3).compactMap { target in
            guard let section = target.section, seen.insert(section.foldedName).inserted,
                  let line = section.firstLine(withKey: "SoftwareType"),
                  IntegerField(parsing: trimmed(line.field(1) ?? "")).int32 == 1 else { return nil }
            return Violation(range: context.range(of: line, field: 1),
                             message: "SoftwareType 1 of [\(section.name)] (an MSI or EXE installer) is supported on desktop editions only",
                             infVerifValues: ["1"])
        }
    }
}
