import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge

/// Registry values that no Windows version reads any more.
public struct ObsoleteRegistryValue: Rule {
    public static let description = RuleDescription(
        name: "obsolete-registry-value", codes: [1320, 1321],
        title: "A registry value is obsolete",
        why: "MediaCategories Display values and DmaSecurity\\AllowedBuses are no longer read; writing them only adds global state.",
        fix: "Delete the line.",
        levels: levels("W W - -"), fixable: true, group: .registry)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        ↓HKLM, SYSTEM\\CurrentControlSet\\Control\\MediaCategories\\{11111111-2222-3333-4444-555555555555}, Display, 0x00010001, 1
        ↓HKLM, SYSTEM\\CurrentControlSet\\Control\\DmaSecurity\\AllowedBuses, Contoso, , "PCI\\VEN_1234"
        ↓HKLM, SYSTEM\\CurrentControlSet\\Control\\DmaSecurity\\AllowedBuses, , 0x00000010
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        HKR, MediaCategories\\{11111111-2222-3333-4444-555555555555}, Name, , "Mic"
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
            HKR, , FriendlyName, , "Mic"
            HKLM, SYSTEM\\CurrentControlSet\\Control\\MediaCategories\\{11111111-2222-3333-4444-555555555555}, Display, 0x00010001, 1
            HKR, , Other, , "x"
            """,
            after: """
            [Version]
            Signature = "$Windows NT$"
            [Install]
            AddReg = Reg
            [Reg]
            HKR, , FriendlyName, , "Mic"
            HKR, , Other, , "x"
            """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        context.uniqueRegistryEntries.compactMap { item in
            let key = item.entry.normalizedSubkey
            let isDisplay = key.containsBytes("mediacategories\\") && item.entry.valueName?.lowercased() == "display"
            let isAllowedBuses = key.hasSuffix("control\\dmasecurity\\allowedbuses")
            guard item.entry.root == .localMachine, isDisplay || isAllowedBuses else { return nil }
            let infVerif = InfVerifValues.registryRoot(item.entry, mode: context.mode)
            return Violation(range: context.range(of: item.entry.line, field: 1),
                             message: isDisplay ? "The MediaCategories 'Display' value is obsolete" : "DmaSecurity\\AllowedBuses is obsolete",
                             fix: UnitFix(title: "Delete the line", safety: .safe, edits: [(context.fullLineRange(of: item.entry.line), "")]),
                             code: infVerif.code == 1321 ? 1321 : nil, infVerifValues: infVerif.values)
        }
    }
}
