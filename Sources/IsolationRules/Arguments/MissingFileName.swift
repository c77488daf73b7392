import DriverPackage
import Findings
import INFModel
import IsolationEngine

/// A file name left empty: `CopyFiles = @`, an empty destination in a file list, an empty SourceDisksFiles key.
public struct MissingFileName: Rule {
    public static let description = RuleDescription(
        name: "missing-file-name", codes: [1229],
        title: "A file name is missing",
        why: "`CopyFiles = @name` copies one file, the lines of CopyFiles and DelFiles lists start with the destination file name, and each SourceDisksFiles entry is keyed by a file name; where that name is empty Windows has no file to copy or delete, and the entry is an error.",
        fix: "Write the file name: `CopyFiles = @contoso.sys`, `contoso.sys` as the first field of a file-list line, `contoso.sys = 1` in SourceDisksFiles.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [SourceDisksNames]
        1 = %Disk%
        [SourceDisksFiles]
        ↓= 1
        [DestinationDirs]
        DefaultDestDir = 13
        [DefaultInstall.NTamd64]
        CopyFiles = ↓@
        CopyFiles = Files
        [Files]
        ↓,contoso.sys
        [Strings]
        Disk = "Disk"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [SourceDisksNames]
        1 = %Disk%
        [SourceDisksFiles]
        contoso.sys = 1
        [DestinationDirs]
        DefaultDestDir = 13
        [DefaultInstall.NTamd64]
        CopyFiles = @contoso.sys
        CopyFiles = Files
        [Files]
        contoso.sys,contoso.sys
        [Strings]
        Disk = "Disk"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for (section, _) in context.directiveSections {
            for line in Array(section.directive(.copyFiles)) + section.directive(.delFiles) where line.hasExplicitKey {
                for (offset, value) in line.rawFields.enumerated() where value.trimmingCharacters(in: " \t") == "@" {
                    result.append(Violation(range: context.range(of: line, field: offset + 1),
                                            message: "Directive '\(line.key ?? "CopyFiles")' names no file after '@'", code: 1229,
                                            infVerifValues: ["source", line.key ?? "CopyFiles"]))
                }
            }
        }
        for section in context.document.sections {
            let roles = context.graph.roles(of: section)
            if roles.contains(.copyFiles) || roles.contains(.fileList) {
                let renames = context.graph.links(to: section).contains { CaseInsensitive.equal($0.directive, "RenFiles") }
                for line in section.lines where !line.hasExplicitKey && !renames {
                    guard line.rawFields.count > 1, line.rawFields[0].trimmingCharacters(in: " \t").isEmpty else { continue }
                    result.append(Violation(range: context.range(of: line),
                                            message: "The file list [\(section.name)] has an entry without a destination file name", code: 1229,
                                            infVerifValues: ["destination", section.name]))
                }
            }
            let base = String(section.baseName)
            if CaseInsensitive.equal(base, "SourceDisksFiles") {
                for line in section.lines where line.hasExplicitKey && (line.rawKey ?? "").trimmingCharacters(in: " \t").isEmpty {
                    result.append(Violation(range: context.range(of: line),
                                            message: "An entry of [\(section.name)] has no file name", code: 1229,
                                            infVerifValues: ["source", section.name]))
                }
            }
        }
        return result
    }
}
