import INFModel

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
