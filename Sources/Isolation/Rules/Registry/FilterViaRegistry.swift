import INFModel

/// `UpperFilters`/`LowerFilters` set through AddReg.
public struct FilterViaRegistry: Rule {
    public static let description = RuleDescription(
        name: "filter-via-registry", codes: [1329],
        title: "A filter driver is added through the registry",
        why: "Editing UpperFilters or LowerFilters by hand can drop or reorder other packages' filters; declared filters are merged by Windows.",
        fix: "Declare the filter in a DDInstall.Filters section with AddFilter = name, , filter-section and FilterPosition = Upper or Lower (Windows 10 1903+).",
        levels: levels("E E W W"), fixable: false, group: "B")

    public static let triggeringExamples = [
        """
        [Version]
        Signature = "$Windows NT$"
        [Install.HW]
        AddReg = Reg
        [Reg]
        HKR, , ↓UpperFilters, 0x00010008, ContosoFilter
        """,
    ]

    public static let nonTriggeringExamples = [
        """
        [Version]
        Signature = "$Windows NT$"
        [Install.Filters]
        AddFilter = ContosoFilter, , Filter
        [Filter]
        FilterPosition = Upper
        """,
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        context.uniqueRegistryEntries.compactMap { item in
            guard item.entry.operation != .delReg || item.entry.valueName != nil, let value = item.entry.valueName,
                  ["upperfilters", "lowerfilters"].contains(value.lowercased()) else { return nil }
            return Violation(range: context.range(of: item.entry.line, field: 3),
                             message: "'\(value)' is set through \(item.entry.operation.rawValue); declare the filter with AddFilter in a DDInstall.Filters section")
        }
    }
}
