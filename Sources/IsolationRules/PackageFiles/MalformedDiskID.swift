import Findings
import INFModel
import IsolationEngine

/// A disk id that is not a number: a `[SourceDisksNames]` key or a `[SourceDisksFiles]` disk id.
public struct MalformedDiskID: Rule {
    public static let description = RuleDescription(
        name: "malformed-disk-id", codes: [1008],
        title: "A disk id is not a number",
        why: "Disk ids are non-negative numbers that tie each SourceDisksFiles entry to a SourceDisksNames entry; an id that is not a number matches nothing, so the source path of the files on that disk cannot be built and their copy fails.",
        fix: "Number the disks in [SourceDisksNames] (1 = %DiskName%,,,) and give that number as the first value of each [SourceDisksFiles] entry.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [SourceDisksNames]
        ↓Disk1 = %Disk%
        [SourceDisksFiles]
        a.sys = ↓Disk1
        [SourceDisksFiles.amd64]
        b.sys = ↓-2
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
        02 = %Disk%
        [SourceDisksFiles]
        a.sys = 1
        b.sys = 02,amd64
        [Strings]
        Disk = "Disk"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for section in context.document.sections {
            let base = String(section.baseName)
            if CaseInsensitive.equal(base, "SourceDisksNames") {
                for line in section.lines where line.hasExplicitKey {
                    guard let id = line.key?.trimmingCharacters(in: " \t"), !id.isEmpty, !PackageFileKnowledge.isUnresolved(id),
                          !PackageFileKnowledge.isWellFormedDiskID(id) else { continue }
                    result.append(Violation(range: context.range(of: line, field: 0),
                                            message: "Disk id '\(id)' of [\(section.name)] is not a non-negative number",
                                            infVerifValues: [id, section.name]))
                }
            } else if CaseInsensitive.equal(base, "SourceDisksFiles") {
                for line in section.lines where line.hasExplicitKey {
                    guard let id = line.field(1)?.trimmingCharacters(in: " \t"), !id.isEmpty, !PackageFileKnowledge.isUnresolved(id),
                          !PackageFileKnowledge.isWellFormedDiskID(id) else { continue }
                    result.append(Violation(range: context.range(of: line, field: 1),
                                            message: "Disk id '\(id)' of '\(line.key ?? "")' is not a non-negative number",
                                            infVerifValues: [line.key ?? "", section.name]))
                }
            }
        }
        return result
    }
}
