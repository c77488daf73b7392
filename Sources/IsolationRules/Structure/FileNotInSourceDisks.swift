import Findings
import INFModel
import IsolationEngine

/// A copied file absent from `[SourceDisksFiles]`.
public struct FileNotInSourceDisks: Rule {
    public static let description = RuleDescription(
        name: "file-not-in-source-disks", codes: [1230],
        title: "A copied file is not listed in SourceDisksFiles",
        why: "Windows finds a package's files through SourceDisksFiles; a file missing there is not part of the signed package and the copy fails.",
        fix: "List the file in [SourceDisksFiles] (or in the SourceDisksFiles.<arch> section of every architecture that copies it).",
        levels: levels("E E E E"), fixable: false, group: .structure)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [SourceDisksFiles]
        a.sys = 1
        [Install]
        CopyFiles = Files
        [Files]
        a.sys
        ↓b.dll
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [SourceDisksFiles.amd64]
        a.sys = 1
        [SourceDisksFiles]
        b.dll = 1
        [Manufacturer]
        %M% = Models, NTamd64
        [Install]
        CopyFiles = Files
        [Files]
        a.sys
        b.dll
        [Strings]
        M = "x"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        var seen = Set<String>()
        for file in context.copiedFiles where seen.insert("\(file.entry.line.syntaxIndex)|\(file.entry.destination.lowercased())").inserted {
            // Judged on the architectures whose installs copy the file: a list only x86 installs needs
            // no arm64 entry.
            let architectures = context.installScopes.architectures(reaching: file.installSection)
                .map { installing in context.architectures.filter(installing.contains) } ?? context.architectures
            let missing = architectures.filter {
                context.document.sourceDiskFile(named: file.entry.sourceName, architecture: $0) == nil
            }
            guard !missing.isEmpty else { continue }
            let field: Int
            switch file.operation.target {
            case .file: field = file.operation.reference.field
            case .section: field = file.entry.source?.isEmpty == false ? 2 : 1
            }
            let archs = missing.count == architectures.count ? "" : " for \(missing.map(\.rawValue).joined(separator: ", "))"
            result.append(Violation(range: context.range(of: file.entry.line, field: field),
                                    message: "'\(file.entry.sourceName)' is copied but not listed in SourceDisksFiles\(archs)",
                                    infVerifValues: [file.entry.sourceName]))
        }
        return result
    }
}
