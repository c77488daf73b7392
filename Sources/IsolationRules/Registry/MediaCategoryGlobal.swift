import Findings
import Foundation
import INFModel
import IsolationEngine

/// Media category names written under the global `MediaCategories` key.
public struct MediaCategoryGlobal: GlobalKeyRule {
    public static let description = RuleDescription(
        name: "media-category-global", codes: [1320, 1321],
        title: "A media category is registered globally",
        why: "The global MediaCategories key is shared by every audio driver; a package's category names belong to its device.",
        fix: "Write HKR,MediaCategories\\{guid},Name,… in the DDInstall's AddReg (Windows 10 1809+).",
        levels: levels("E E* - -"), fixable: true, group: .registry)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        ↓HKLM, SYSTEM\\CurrentControlSet\\Control\\MediaCategories\\{11111111-2222-3333-4444-555555555555}, Name, , "Contoso Mic"
        ↓HKLM, SYSTEM\\CurrentControlSet\\Control\\MediaCategories\\{22222222-2222-3333-4444-555555555555}, , 0x00000010
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        HKR, MediaCategories\\{11111111-2222-3333-4444-555555555555}, Name, , "Contoso Mic"
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
            HKLM, SYSTEM\\CurrentControlSet\\Control\\MediaCategories\\{11111111-2222-3333-4444-555555555555}, Name, , "Contoso Mic"
            """,
            after: """
            [Version]
            Signature = "$Windows NT$"
            [Install]
            AddReg = Reg
            [Reg]
            HKR, MediaCategories\\{11111111-2222-3333-4444-555555555555}, Name, , "Contoso Mic"
            """),
    ]

    public init() {}

    static func matches(_ path: GlobalRegistryPath) -> Bool { if case .mediaCategory = path { return true }; return false }

    public func check(_ context: RuleContext) -> [Violation] {
        context.registryEntries.compactMap { item -> Violation? in
            guard case .mediaCategory? = GlobalRegistryPath.classify(item.entry) else { return nil }
            var fix: UnitFix?
            let key = item.entry.subkey
            if case .deviceSoftwareKey = item.context, let start = key.range(of: "MediaCategories", options: .caseInsensitive),
               let root = context.document.token(of: item.entry.line, field: 1), !root.isQuoted,
               let subkey = context.document.token(of: item.entry.line, field: 2) {
                let relative = String(key[start.lowerBound...])
                fix = UnitFix(title: "Write it as HKR,\(relative) in the DDInstall", safety: .unsafe,
                              edits: [(root.range, "HKR"), (subkey.range, subkey.isQuoted ? "\"\(relative)\"" : relative)],
                              followUp: "Media category names under HKR need Windows 10 version 1809 (build 17763); the Models section needs a NT<arch>.10.0...17763 decoration.")
            }
            let infVerif = InfVerifValues.registryRoot(item.entry, mode: context.mode)
            return Violation(range: context.range(of: item.entry.line, field: 1), message: Self.message(item.entry),
                             allowedInSignatureMode: Self.allowedInSignatureMode(item.entry), fix: fix,
                             code: infVerif.code == 1321 ? 1321 : nil, infVerifValues: infVerif.values)
        }
    }
    static func message(_ entry: RegistryEntry) -> String {
        // The last non-empty component, found on the bytes: `\` is ASCII, so the cuts fall between characters.
        let utf8 = entry.subkey.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: "\\") { end = utf8.index(before: end) }
        let start = utf8[..<end].lastIndex(of: UInt8(ascii: "\\")).map { utf8.index(after: $0) } ?? utf8.startIndex
        let guid = String(entry.subkey[start..<end])
        return "A media category is written under the global MediaCategories key; write HKR,MediaCategories\\\(guid),… in the DDInstall"
    }
}
