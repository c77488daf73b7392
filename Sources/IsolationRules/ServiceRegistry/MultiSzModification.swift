import Findings
import INFModel
import IsolationEngine

/// A line that appends a string to, or removes one from, a REG_MULTI_SZ value.
public struct MultiSzModification: Rule {
    public static let description = RuleDescription(
        name: "multi-sz-modification", codes: [1305],
        title: "A REG_MULTI_SZ value is appended to or edited",
        why: "Appending to or removing from a list that other packages also edit is not additive: the result depends on what was installed before, and uninstalling one package cannot restore the others' state.",
        fix: "Write a value of your own under HKR instead of editing a shared list; for filters use AddFilter in a DDInstall.Filters section.",
        levels: levels("E E E W"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.HW]
        AddReg = Install_AddReg
        DelReg = Install_DelReg
        [Install_AddReg]
        HKR, , Protocols, ↓0x00010008, "contoso"
        [Install_DelReg]
        HKR, , Protocols, ↓0x00018002, "legacy"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.HW]
        AddReg = Install_AddReg
        [Install_AddReg]
        HKR, , Protocols, 0x00010000, "contoso", "legacy"
        HKR, , UpperFilters, 0x00010008, "contosofilter"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for item in context.uniqueRegistryEntries {
            let entry = item.entry
            guard let flags = entry.flags, let value = entry.valueName,
                  // filter-via-registry reports the filter lists (InfVerif 1329).
                  !["upperfilters", "lowerfilters"].contains(value.foldedCase) else { continue }
            let deletes = entry.operation == .delReg
                && flags & ServiceRegistryKnowledge.deleteMultiStringFlags == ServiceRegistryKnowledge.deleteMultiStringFlags
            let appends = entry.appends && !entry.isIgnoredByAddReg && !entry.deletesValue && !entry.isKeyOnly
            guard deletes || appends else { continue }
            let what = appends ? "appends to" : "removes a string from"
            result.append(Violation(range: context.range(of: entry.line, field: 4),
                                    message: "The line \(what) the REG_MULTI_SZ value \(entry.displayPath)",
                                    infVerifValues: [entry.operation.rawValue, entry.root.shortName, entry.subkey, ""]))
        }
        return result
    }
}
