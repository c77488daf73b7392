import Findings
import INFModel
import IsolationEngine

/// A deprecated DIRID used anywhere a DIRID is used.
public struct DeprecatedDirid: Rule {
    public static let description = RuleDescription(
        name: "deprecated-dirid", codes: [1340],
        title: "A deprecated DIRID is used",
        why: "Deprecated DIRIDs name global or per-user folders that a driver package may not touch; Windows may stop resolving them.",
        fix: "Copy files to DIRID 13 and keep per-user or shared data out of the INF; create data folders at run time under the locations the state APIs return.",
        levels: levels("E E - -"), fixable: false, group: .files)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        Inf_Files = ↓17
        [Install]
        CopyFiles = Inf_Files
        [Inf_Files]
        x.inf
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        HKR,,Source,,↓%1%\\x.dat
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 13
        [Install]
        AddReg = Reg
        [Reg]
        HKR,,Path,,%13%\\x.dat
        HKR,,Percent,,100%%17%%
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        let dirs = context.document.destinationDirs
        for entry in ([dirs.defaultDirectory].compactMap { $0 } + dirs.sectionEntries) {
            guard let dirid = entry.dirid, DirectoryIDs.deprecated.contains(dirid) else { continue }
            result.append(violation(dirid, range: context.range(of: entry.line, field: 1)))
        }
        for item in context.percentFields where !Self.skipped(item.section) {
            for case .dirid(let dirid) in item.pieces where DirectoryIDs.deprecated.contains(dirid) {
                let ranges = context.diridReferences(dirid, in: item.line, field: item.field)
                result.append(violation(dirid, range: ranges.first ?? context.range(of: item.line, field: item.field)))
            }
        }
        return result
    }

    static func skipped(_ section: INFSection) -> Bool {
        section.isStrings || section.foldedName == "destinationdirs"
    }

    private func violation(_ dirid: Int, range: Range<Int>) -> Violation {
        Violation(range: range, message: "DIRID \(dirid) (\(DirectoryIDs.describe(dirid))) is deprecated and not allowed in a driver package",
                  infVerifValues: ["\(dirid)"])
    }
}
