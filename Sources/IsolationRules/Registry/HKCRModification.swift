import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge

/// Writes under HKEY_CLASSES_ROOT.
public struct HKCRModification: Rule {
    public static let description = RuleDescription(
        name: "hkcr-modification", codes: [2660],
        title: "A registry line modifies HKCR",
        why: "HKCR (HKLM\\SOFTWARE\\Classes) is shared by every application; a driver package that writes there changes global state it does not own.",
        fix: "Move COM and APO registrations to HKR in the DDInstall's AddReg, or register COM servers with a DDInstall.COM section (Windows 11 24H2).",
        levels: levels("E - - -"), fixable: true, group: .registry)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        ↓HKCR, CLSID\\{11111111-2222-3333-4444-555555555555}\\InprocServer32, , , "%13%\\apo.dll"
        ↓HKLM, SOFTWARE\\Classes\\.contoso, , , "Contoso.File"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        HKR, FX\\0, {11111111-2222-3333-4444-555555555555}, , "Contoso"
        """),
    ]

    public static let fixExamples = [
        FixExample(
            before: """
            [Version]
            Signature = "$Windows NT$"
            [Install]
            AddReg = Reg
            [Reg]
            HKCR, AudioEngine\\AudioProcessingObjects\\{11111111-2222-3333-4444-555555555555}, FriendlyName, , "Contoso APO"
            HKLM, SOFTWARE\\Classes\\AudioEngine\\AudioProcessingObjects\\{11111111-2222-3333-4444-555555555555}, Flags, 0x00010001, 0x0000000e
            """,
            after: """
            [Version]
            Signature = "$Windows NT$"
            [Install]
            AddReg = Reg
            [Reg]
            HKR, AudioEngine\\AudioProcessingObjects\\{11111111-2222-3333-4444-555555555555}, FriendlyName, , "Contoso APO"
            HKR, AudioEngine\\AudioProcessingObjects\\{11111111-2222-3333-4444-555555555555}, Flags, 0x00010001, 0x0000000e
            """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var seen = Set<Int>()
        return context.registryEntries.compactMap { item in
            guard case .classesRoot? = GlobalRegistryPath.classify(item.entry), seen.insert(item.entry.line.syntaxIndex).inserted else { return nil }
            var key = item.entry.subkey
            let viaSoftwareClasses = item.entry.root == .localMachine && RegistryKnowledge.hasKeyPrefix(key, "SOFTWARE\\Classes")
            if viaSoftwareClasses {
                key = String(key.dropFirst("SOFTWARE\\Classes".count)).trimmingCharacters(in: "\\")
            }
            return Violation(range: context.range(of: item.entry.line, field: 1),
                             message: "Cannot modify HKCR\\\(key); it must be under HKR",
                             fix: apoFix(context, item: item, key: key, viaSoftwareClasses: viaSoftwareClasses),
                             infVerifValues: [key])
        }
    }

    /// An audio processing object registration moves to HKR in the DDInstall (the device software key).
    private func apoFix(_ context: RuleContext, item: ContextualRegistryEntry, key: String, viaSoftwareClasses: Bool) -> UnitFix? {
        guard case .deviceSoftwareKey = item.context, RegistryKnowledge.hasKeyPrefix(key, "AudioEngine\\AudioProcessingObjects"),
              let root = context.document.token(of: item.entry.line, field: 1), !root.isQuoted,
              let subkey = context.document.token(of: item.entry.line, field: 2), !subkey.isQuoted else { return nil }
        var edits: [(range: Range<Int>, replacement: String)] = [(root.range, "HKR")]
        if viaSoftwareClasses { edits.append((subkey.range, key)) }
        return UnitFix(title: "Register the APO under HKR in the DDInstall", safety: .unsafe, edits: edits)
    }
}
