import Findings
import INFModel
import IsolationEngine

/// Entries under the `Run` and `RunOnce` keys.
public struct RunKey: GlobalKeyRule {
    public static let description = RuleDescription(
        name: "run-key", codes: [1320, 1321],
        title: "A program is started through a Run key",
        why: "Run and RunOnce entries start programs for every user at sign-in; a driver package may not install software that way.",
        fix: "Ship the application with AddSoftware (DDInstall.Software) or start a service on a trigger instead.",
        levels: levels("E E* - -"), fixable: false, group: .registry)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        ↓HKLM, SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run, ContosoTray, , "%13%\\tray.exe"
        ↓HKLM, SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run, , 0x00000010
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.Software]
        AddSoftware = ContosoTray, , Software
        [Software]
        SoftwareType = 1
        SoftwareBinary = %13%\\setup.exe
        SoftwareVersion = 1.0.0.0
        """),
    ]

    public init() {}

    static func matches(_ path: GlobalRegistryPath) -> Bool { if case .runKey = path { return true }; return false }
    static func message(_ entry: RegistryEntry) -> String {
        "'\(entry.valueName ?? "")' is started through \(entry.root.shortName)\\\(entry.subkey); install software with AddSoftware or use a trigger-started service"
    }
}
