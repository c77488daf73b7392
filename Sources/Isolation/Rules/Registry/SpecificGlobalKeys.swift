import DriverPackage
import INFModel

/// Shared check for rules that report one kind of global registry location.
protocol GlobalKeyRule: Rule {
    /// Whether the classified path is the one the rule reports.
    static func matches(_ path: GlobalRegistryPath) -> Bool
    /// The message for a line.
    static func message(_ entry: RegistryEntry) -> String
    /// Whether signature mode still accepts the line.
    static func allowedInSignatureMode(_ entry: RegistryEntry) -> Bool
}

extension GlobalKeyRule {
    public func check(_ context: RuleContext) -> [Violation] {
        context.uniqueRegistryEntries.compactMap { item in
            guard let path = GlobalRegistryPath.classify(item.entry), Self.matches(path) else { return nil }
            return Violation(range: context.range(of: item.entry.line, field: 1), message: Self.message(item.entry),
                             allowedInSignatureMode: Self.allowedInSignatureMode(item.entry))
        }
    }

    static func allowedInSignatureMode(_ entry: RegistryEntry) -> Bool {
        RegistryKnowledge.isSignatureException(root: entry.root, subkey: entry.subkey)
    }
}

/// ETW providers and channels registered through the registry.
public struct EventProviderViaRegistry: GlobalKeyRule {
    public static let description = RuleDescription(
        name: "event-provider-via-registry", codes: [1320],
        title: "An event provider is registered through the registry",
        why: "Writing WINEVT publisher or channel keys registers global state that is not removed with the package.",
        fix: "Declare the provider with AddEventProvider in a DDInstall.Events section (Windows 10 1809+).",
        levels: levels("E E* W W"), fixable: false, group: "B")

    public static let triggeringExamples = [
        """
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        ↓HKLM, SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WINEVT\\Publishers\\{11111111-2222-3333-4444-555555555555}, , , "Contoso"
        """,
    ]

    public static let nonTriggeringExamples = [
        """
        [Version]
        Signature = "$Windows NT$"
        [Install.Events]
        AddEventProvider = {11111111-2222-3333-4444-555555555555}, Provider
        [Provider]
        ProviderName = Contoso-Driver
        ResourceFile = %13%\\contoso.sys
        MessageFile = %13%\\contoso.sys
        """,
    ]

    public init() {}

    static func matches(_ path: GlobalRegistryPath) -> Bool { if case .eventProvider = path { return true }; return false }
    static func message(_ entry: RegistryEntry) -> String {
        "An ETW provider or channel is registered by writing '\(entry.subkey)'; declare it with AddEventProvider in a DDInstall.Events section"
    }
}

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

/// Entries under the `Run` and `RunOnce` keys.
public struct RunKey: GlobalKeyRule {
    public static let description = RuleDescription(
        name: "run-key", codes: [1320],
        title: "A program is started through a Run key",
        why: "Run and RunOnce entries start programs for every user at sign-in; a driver package may not install software that way.",
        fix: "Ship the application with AddSoftware (DDInstall.Software) or start a service on a trigger instead.",
        levels: levels("E E* W W"), fixable: false, group: "B")

    public static let triggeringExamples = [
        """
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        ↓HKLM, SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run, ContosoTray, , "%13%\\tray.exe"
        """,
    ]

    public static let nonTriggeringExamples = [
        """
        [Version]
        Signature = "$Windows NT$"
        [Install.Software]
        AddSoftware = ContosoTray, , Software
        [Software]
        SoftwareType = 1
        SoftwareBinary = %13%\\setup.exe
        SoftwareVersion = 1.0.0.0
        """,
    ]

    public init() {}

    static func matches(_ path: GlobalRegistryPath) -> Bool { if case .runKey = path { return true }; return false }
    static func message(_ entry: RegistryEntry) -> String {
        "'\(entry.valueName ?? "")' is started through \(entry.root.shortName)\\\(entry.subkey); install software with AddSoftware or use a trigger-started service"
    }
}

/// Media category names written under the global `MediaCategories` key.
public struct MediaCategoryGlobal: GlobalKeyRule {
    public static let description = RuleDescription(
        name: "media-category-global", codes: [1320],
        title: "A media category is registered globally",
        why: "The global MediaCategories key is shared by every audio driver; a package's category names belong to its device.",
        fix: "Write HKR,MediaCategories\\{guid},Name,… in the DDInstall's AddReg (Windows 10 1809+).",
        levels: levels("E E* W W"), fixable: false, group: "B")

    public static let triggeringExamples = [
        """
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        ↓HKLM, SYSTEM\\CurrentControlSet\\Control\\MediaCategories\\{11111111-2222-3333-4444-555555555555}, Name, , "Contoso Mic"
        """,
    ]

    public static let nonTriggeringExamples = [
        """
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        HKR, MediaCategories\\{11111111-2222-3333-4444-555555555555}, Name, , "Contoso Mic"
        """,
    ]

    public init() {}

    static func matches(_ path: GlobalRegistryPath) -> Bool { if case .mediaCategory = path { return true }; return false }
    static func message(_ entry: RegistryEntry) -> String {
        let guid = entry.subkey.split(separator: "\\").last.map(String.init) ?? ""
        return "A media category is written under the global MediaCategories key; write HKR,MediaCategories\\\(guid),… in the DDInstall"
    }
}
