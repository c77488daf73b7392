import Findings
import INFModel
import IsolationEngine

/// Two different source files copied to the same destination file.
public struct ConflictingDestination: Rule {
    public static let description = RuleDescription(
        name: "conflicting-destination", codes: [1330],
        title: "Different files are copied to the same destination",
        why: "When two install sections copy different files to one destination, whichever device installs last wins, and the other device runs the wrong file.",
        fix: "Give each variant its own file name, and let each DDInstall point to its own file with an HKR value holding %13%\\name.",
        levels: levels("E E E E"), fixable: false, group: .files)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 13
        [SourceDisksFiles]
        fw.bin = 1, a
        fw.bin = 1, b
        [A_Install]
        CopyFiles = A_Files
        [B_Install]
        CopyFiles = B_Files
        [A_Files]
        fw.bin, fw_a.bin
        [B_Files]
        fw.bin, ↓fw_b.bin
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 13
        [A_Install]
        CopyFiles = Files
        [B_Install]
        CopyFiles = Files
        [Files]
        drv.sys
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var first: [String: (source: String, file: CopiedFile)] = [:]
        var result: [Violation] = []
        var reported = Set<Int>()
        for file in context.copiedFiles {
            guard let destination = file.destination, let dirid = destination.dirid else { continue }
            let target = "\(dirid)|\((destination.subdirectory ?? "").lowercased())|\(file.entry.destination.lowercased())"
            let sourceSub = context.sourceDiskFile(named: file.entry.sourceName)?.subdirectory ?? ""
            let source = "\(sourceSub.lowercased())|\(file.entry.sourceName.lowercased())"
            guard let earlier = first[target] else { first[target] = (source, file); continue }
            // Two copies conflict only when one install (architecture and Models range) makes both.
            let together = context.installScopes.installTogether(earlier.file.installSection, file.installSection)
                ?? !context.document.installArchitectures(ofSection: earlier.file.installSection)
                    .isDisjoint(with: context.document.installArchitectures(ofSection: file.installSection))
            guard earlier.source != source, !CaseInsensitive.equal(earlier.file.installSection, file.installSection), together,
                  reported.insert(file.entry.line.syntaxIndex).inserted else { continue }
            let field = file.entry.source?.isEmpty == false ? 2 : 1
            result.append(Violation(
                range: context.range(of: file.entry.line, field: field),
                message: "'\(file.entry.sourceName)' is copied to '\(file.entry.destination)', where [\(earlier.file.installSection)] already copies '\(earlier.file.entry.sourceName)'",
                related: [(context.range(of: earlier.file.entry.line), "the other copy to the same destination")],
                infVerifValues: [earlier.file.entry.sourceName, file.entry.sourceName,
                                 InfVerifValues.path(dirid: dirid, subdirectory: destination.subdirectory, file: file.entry.destination)]))
        }
        return result
    }
}
