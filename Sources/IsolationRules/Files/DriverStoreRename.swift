import Findings
import INFModel
import IsolationEngine

/// A copy into the driver store that renames the file or changes its subdirectory.
public struct DriverStoreRename: Rule {
    public static let description = RuleDescription(
        name: "driver-store-rename", codes: [1100],
        title: "A driver-store copy renames or moves a file",
        why: "Files in the driver store keep the names and layout of the package so that the store can verify them against the signed catalog.",
        fix: "Give the file its final name in the package, and use the same subdirectory in SourceDisksFiles and DestinationDirs.",
        levels: levels("E E E E"), fixable: false, group: .files)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 13
        [SourceDisksFiles]
        drv_x64.sys = 1
        [Install]
        CopyFiles = Files
        [Files]
        drv.sys, ↓drv_x64.sys
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 13
        [SourceDisksFiles]
        drv.sys = 1, x64
        [Install]
        CopyFiles = Files
        [Files]
        ↓drv.sys
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 13
        Sub_Files = 13, x64
        [SourceDisksFiles]
        drv.sys = 1
        lib.dll = 1, x64
        [Install]
        CopyFiles = Files, Sub_Files
        [Files]
        drv.sys, drv.sys
        [Sub_Files]
        lib.dll
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        var seen = Set<Int>()
        for file in context.copiedFiles where file.destination?.dirid == DirectoryIDs.driverStore {
            let entry = file.entry
            guard seen.insert(entry.line.syntaxIndex).inserted else { continue }
            if let source = entry.source, !source.isEmpty, !CaseInsensitive.equal(source, entry.destination) {
                result.append(Violation(range: context.range(of: entry.line, field: 2),
                                        message: "'\(source)' is renamed to '\(entry.destination)' on its way into the driver store (DIRID 13)",
                                        infVerifValues: ["file names", source, "13"]))
                continue
            }
            let sourceSub = normalize(context.sourceDiskFile(named: entry.sourceName)?.subdirectory)
            let destinationSub = normalize(file.destination?.subdirectory)
            if sourceSub != destinationSub {
                let from = sourceSub.isEmpty ? "the package root" : "'\(sourceSub)'"
                let to = destinationSub.isEmpty ? "the driver store root" : "'\(destinationSub)'"
                result.append(Violation(range: context.range(of: entry.line, field: 1),
                                        message: "'\(entry.destination)' moves from \(from) in the package to \(to) in the driver store; the subdirectories must match",
                                        infVerifValues: ["subdirectories", entry.destination, "13"]))
            }
        }
        return result
    }

    private func normalize(_ path: String?) -> String {
        (path ?? "").withBackslashes.trimmingCharacters(in: "\\ .").lowercased()
    }
}
