import Findings
import INFModel
import IsolationEngine

/// A file listed in SourceDisksFiles that is not in the package folder.
public struct MissingPackageFile: Rule {
    public static let description = RuleDescription(
        name: "missing-package-file", codes: [],
        title: "A listed file is missing from the package",
        why: "A built package must hold every file its INF lists; a missing file fails the install and the catalog.",
        fix: "Build or copy the file into the package folder (under the SourceDisksNames path and SourceDisksFiles subdirectory), or remove it from the INF.",
        levels: levels("W W W W"), fixable: false, group: .structure)

    public static let triggeringExamples = [
        RuleExample("""
        ; package-files: present.sys
        [Version]
        Signature = "$Windows NT$"
        [SourceDisksNames]
        1 = %Disk%,,,
        [SourceDisksFiles]
        present.sys = 1
        ↓absent.dll = 1
        [Strings]
        Disk = "Disk"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        ; package-files: x64/sub/present.sys
        [Version]
        Signature = "$Windows NT$"
        [SourceDisksNames]
        1 = %Disk%,,,\\x64
        [SourceDisksFiles]
        present.sys = 1, sub
        [Strings]
        Disk = "Disk"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        guard let package = context.package else { return [] }
        var entries: [(SourceDiskFile, String)] = []
        var seen = Set<Int>()
        for architecture in context.architectures {
            let disks = context.document.sourceDisks(for: architecture)
            for file in context.document.sourceDiskFiles(for: architecture) where seen.insert(file.line.syntaxIndex).inserted {
                let disk = disks.first { CaseInsensitive.equal($0.id, file.diskID ?? "") }
                let parts = [disk?.path, file.subdirectory, file.name].compactMap { $0 }.filter { !$0.isEmpty }
                entries.append((file, parts.joined(separator: "\\")))
            }
        }
        // A source tree that holds none of the listed files is not a built package.
        guard entries.contains(where: { package.file($0.1) != nil }) else { return [] }
        return entries.compactMap { file, path in
            guard !file.name.lowercased().hasSuffix(".cat"), package.file(path) == nil else { return nil }
            return Violation(range: context.range(of: file.line, field: 0),
                             message: "'\(path)' is listed in [\(file.sectionName)] but is not in the package folder")
        }
    }
}
