import INFModel

/// Writes under HKEY_CLASSES_ROOT.
public struct HKCRModification: Rule {
    public static let description = RuleDescription(
        name: "hkcr-modification", codes: [2660],
        title: "A registry line modifies HKCR",
        why: "HKCR (HKLM\\SOFTWARE\\Classes) is shared by every application; a driver package that writes there changes global state it does not own.",
        fix: "Move COM and APO registrations to HKR in the DDInstall's AddReg, or register COM servers with a DDInstall.COM section (Windows 11 24H2).",
        levels: levels("E - W W"), fixable: false, group: "B")

    public static let triggeringExamples = [
        """
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        ↓HKCR, CLSID\\{11111111-2222-3333-4444-555555555555}\\InprocServer32, , , "%13%\\apo.dll"
        ↓HKLM, SOFTWARE\\Classes\\.contoso, , , "Contoso.File"
        """,
    ]

    public static let nonTriggeringExamples = [
        """
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        HKR, FX\\0, {11111111-2222-3333-4444-555555555555}, , "Contoso"
        """,
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        context.uniqueRegistryEntries.compactMap { item in
            guard case .classesRoot? = GlobalRegistryPath.classify(item.entry) else { return nil }
            var key = item.entry.subkey
            if item.entry.root == .localMachine, RegistryKnowledge.hasKeyPrefix(key, "SOFTWARE\\Classes") {
                key = String(key.dropFirst("SOFTWARE\\Classes".count)).trimmingCharacters(in: "\\")
            }
            return Violation(range: context.range(of: item.entry.line, field: 1),
                             message: "Cannot modify HKCR\\\(key); it must be under HKR")
        }
    }
}
