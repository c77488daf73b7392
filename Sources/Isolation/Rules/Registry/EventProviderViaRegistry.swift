import INFModel

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
