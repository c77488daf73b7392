import Findings
import INFModel
import IsolationEngine

/// `UpperFilters`/`LowerFilters` set through AddReg (reported under 1384, as a warning, in an extension INF).
public struct FilterViaRegistry: Rule {
    public static let description = RuleDescription(
        name: "filter-via-registry", codes: [1329, 1384],
        title: "A filter driver is added through the registry",
        why: "Editing UpperFilters or LowerFilters by hand can drop or reorder other packages' filters; declared filters are merged by Windows. In an extension INF InfVerif reports it as 1384, a warning in every mode.",
        fix: "Declare the filter in a DDInstall.Filters section with AddFilter = name, , filter-section and FilterPosition = Upper or Lower (Windows 10 1903+).",
        levels: levels("E E W W"), fixable: true, group: .registry)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.HW]
        AddReg = Reg
        [Reg]
        HKR, , ↓UpperFilters, 0x00010008, ContosoFilter
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = Extension
        ClassGuid = {e2f84ce7-8efa-411c-aa69-97454ca4cb57}
        ExtensionId = {3846ad8c-dd27-433d-ab89-453654cd542a}
        [Ext_Install.HW]
        AddReg = Reg
        [Reg]
        HKR, , ↓LowerFilters, 0x00010008, ContosoFilter
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.Filters]
        AddFilter = ContosoFilter, , Filter
        [Filter]
        FilterPosition = Upper
        """),
        // Removing a stale filter value sets no filter (DelReg is a legacy directive of its own).
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.HW]
        DelReg = Stale
        [Stale]
        HKR, , UpperFilters
        """),
    ]

    public static let fixExamples = [
        FixExample(
            before: """
            [Version]
            Signature = "$Windows NT$"
            [Install.HW]
            AddReg = Reg
            [Reg]
            HKR, , UpperFilters, 0x00010000, ContosoFilter
            HKR, , Tuning, 0x00010001, 1
            """,
            after: """
            [Version]
            Signature = "$Windows NT$"
            [Install.HW]
            AddReg = Reg
            [Reg]
            HKR, , Tuning, 0x00010001, 1

            [Install.Filters]
            AddFilter = ContosoFilter, , ContosoFilter_FilterSection

            [ContosoFilter_FilterSection]
            FilterPosition = Upper
            """),
    ]

    public init() {}

    /// Inbox services that are filters through their own inbox INF, not through AddFilter.
    static let inboxFilters: Set<String> = ["wudfrd", "mshidumdf", "umpass"]

    public func check(_ context: RuleContext) -> [Violation] {
        let isExtension = context.isExtensionINF
        var seen = Set<Int>()
        return context.registryEntries.compactMap { item in
            // Only a write sets filters: a DelReg (or an AddReg delete) that removes a stale value is a
            // legacy directive (legacy-directive), not a filter registration.
            guard item.entry.operation == .addReg, !item.entry.deletesValue, let value = item.entry.valueName,
                  ["upperfilters", "lowerfilters"].contains(value.foldedCase),
                  seen.insert(item.entry.line.syntaxIndex).inserted else { return nil }
            return Violation(range: context.range(of: item.entry.line, field: 3),
                             message: "'\(value)' is set through \(item.entry.operation.rawValue); declare the filter with AddFilter in a DDInstall.Filters section",
                             fix: fix(context, item: item, upper: value.foldedCase == "upperfilters"),
                             maximumLevel: isExtension ? .warning : nil, code: isExtension ? 1384 : nil)
        }
    }

    private func fix(_ context: RuleContext, item: ContextualRegistryEntry, upper: Bool) -> UnitFix? {
        let entry = item.entry
        guard entry.operation == .addReg, case .deviceHardwareKey = item.context, entry.root == .relative,
              entry.subkey.isEmpty, !entry.deletesValue,
              CaseInsensitive.fold(item.link.from).hasSuffix(".hw") else { return nil }
        let filters = entry.data.filter { !$0.isEmpty }
        guard !filters.isEmpty, !filters.contains(where: { Self.inboxFilters.contains($0.foldedCase) }) else { return nil }
        let install = String(item.link.from.dropLast(3))
        let position = upper ? "Upper" : "Lower"
        var addFilters: [String] = []
        var filterSections: [(String, [String])] = []
        for filter in filters {
            let name = context.unusedSectionName("\(filter)_FilterSection")
            addFilters.append("AddFilter = \(filter), , \(name)")
            filterSections.append((name, ["FilterPosition = \(position)"]))
        }
        var edits: [(range: Range<Int>, replacement: String)] = [(context.fullLineRange(of: entry.line), "")]
        var appended = ""
        if let existing = context.document.section(named: "\(install).Filters"), let insertAt = context.insertionPoint(after: existing) {
            let prefix = context.needsNewlineBefore(insertAt) ? context.newline : ""
            edits.append((insertAt..<insertAt, prefix + addFilters.map { $0 + context.newline }.joined()))
        } else {
            appended = context.appendingSection("\(install).Filters", lines: addFilters).replacement
        }
        for (name, lines) in filterSections {
            appended += (appended.isEmpty ? context.appendingSection(name, lines: lines).replacement
                                          : context.newline + ([("[\(name)]")] + lines).map { $0 + context.newline }.joined())
        }
        edits.append((context.tree.textEnd..<context.tree.textEnd, appended))
        return UnitFix(title: "Declare the filter in [\(install).Filters] with AddFilter", safety: .unsafe, edits: edits,
                       followUp: "Declared filters need Windows 10 version 1903 (build 18362): the Models section needs a NT<arch>.10.0...18362 decoration.")
    }
}
