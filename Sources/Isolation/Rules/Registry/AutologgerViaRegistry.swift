import INFModel

/// AutoLogger sessions written under `Control\WMI\Autologger`.
public struct AutologgerViaRegistry: GlobalKeyRule {
    public static let description = RuleDescription(
        name: "autologger-via-registry", codes: [1320],
        title: "An AutoLogger session is configured through the registry",
        why: "AutoLogger keys are global state shared by every trace session on the machine.",
        fix: "Declare the session with AddAutoLogger in a DDInstall.Events section (Windows 11).",
        levels: levels("E E* W W"), fixable: false, group: "B")

    public static let triggeringExamples = [
        """
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        ↓HKLM, SYSTEM\\CurrentControlSet\\Control\\WMI\\Autologger\\Contoso, Start, 0x00010001, 1
        """,
    ]

    public static let nonTriggeringExamples = [
        """
        [Version]
        Signature = "$Windows NT$"
        [Install.Events]
        AddAutoLogger = Contoso, {11111111-2222-3333-4444-555555555555}, Logger
        [Logger]
        Start = 1
        """,
    ]

    public init() {}

    static func matches(_ path: GlobalRegistryPath) -> Bool { if case .autologger = path { return true }; return false }
    static func message(_ entry: RegistryEntry) -> String {
        "An AutoLogger session is configured by writing '\(entry.subkey)'; declare it with AddAutoLogger in a DDInstall.Events section"
    }
}
