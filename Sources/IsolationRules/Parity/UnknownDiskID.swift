import Findings
import INFModel
import IsolationEngine

/// A `[SourceDisksFiles]` entry whose disk id `[SourceDisksNames]` does not define (1273), or for which
/// no SourceDisksNames section applies at all, so that no source path can be built (1016).
public struct UnknownDiskID: Rule {
    public static let description = RuleDescription(
        name: "unknown-disk-id", codes: [1273, 1016],
        title: "A SourceDisksFiles disk id is not in SourceDisksNames",
        why: "Windows finds a package file through the disk its SourceDisksFiles entry names; a disk id that SourceDisksNames (or its section for the architecture) does not define leaves the file without a source, and the copy fails. With no SourceDisksNames section at all for the platform, the source path of every file cannot be built.",
        fix: "Use a disk id defined in [SourceDisksNames], or add the disk there (and to every SourceDisksNames.<arch> section that replaces it); add a [SourceDisksNames] section when there is none. An INF with a LayoutFile takes its disks from that file and is not checked; a disk id that is not a number is reported by malformed-disk-id.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [SourceDisksNames]
        1 = %Disk%
        [SourceDisksFiles]
        a.sys = 1
        b.sys = ↓2
        [SourceDisksNames.arm64]
        3 = %Disk%
        [SourceDisksFiles.arm64]
        c.sys = ↓4
        [Strings]
        Disk = "Disk"
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [SourceDisksFiles]
        a.sys = ↓1
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [SourceDisksNames]
        1 = %Disk%
        [SourceDisksNames.amd64]
        2 = %Disk%
        [SourceDisksFiles]
        a.sys = 01
        [SourceDisksFiles.amd64]
        b.sys = 2
        c.sys = 1
        [Strings]
        Disk = "Disk"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let document = context.document
        // With LayoutFile the disks are defined in another INF (system INFs use layout.inf).
        if document.section(named: "Version")?.firstLine(withKey: "LayoutFile") != nil { return [] }
        var result: [Violation] = []
        // Only a SourceDisksFiles section (the split skips leading dots) is read.
        for section in document.sections where section.foldedName.hasPrefix("sourcedisksfiles") || section.foldedName.hasPrefix(".") {
            let parts = section.name.split(ascii: ".", maxSplits: 1).map(String.init)
            guard let base = parts.first, CaseInsensitive.equal(base, "SourceDisksFiles") else { continue }
            let architectures: [Architecture]
            if parts.count == 2 {
                guard let architecture = Architecture(name: parts[1]) else { continue }
                architectures = [architecture]
            } else {
                architectures = context.architectures
            }
            let known = Dictionary(uniqueKeysWithValues: architectures.map { arch in
                (arch, Set(document.sourceDisks(for: arch).map { Self.normalized($0.id) }))
            })
            let withoutNames = Set(architectures.filter { arch in
                !document.hasSection("SourceDisksNames.\(arch.rawValue)") && !document.hasSection("SourceDisksNames")
            })
            // A line without `=` names no disk at all.
            for line in section.lines where line.hasExplicitKey {
                // An id that is not a number is malformed-disk-id's (1008).
                guard let id = line.field(1)?.trimmingCharacters(in: " \t"), !id.isEmpty,
                      PackageFileKnowledge.isWellFormedDiskID(id) else { continue }
                // An architecture whose own SourceDisksFiles section lists the file does not read this line.
                let reading = architectures.filter { arch in
                    line.key.flatMap { document.sourceDiskFile(named: $0, architecture: arch) }
                        .map { CaseInsensitive.equal($0.sectionName, section.name) } ?? true
                }
                let missing = reading.filter { !(known[$0]?.contains(Self.normalized(id)) ?? false) }
                guard !missing.isEmpty else { continue }
                if missing.allSatisfy({ withoutNames.contains($0) }) {
                    let which = parts.count == 2 || missing.count == reading.count ? "" : " on \(missing.map(\.rawValue).joined(separator: ", "))"
                    result.append(Violation(range: context.range(of: line, field: 1),
                                            message: "The source path of '\(line.key ?? "")' cannot be built: no [SourceDisksNames] section applies\(which)",
                                            code: 1016, infVerifValues: ["source", "source", line.key ?? ""]))
                    continue
                }
                let which = parts.count == 2 || missing.count == reading.count ? "" : " for \(missing.map(\.rawValue).joined(separator: ", "))"
                let names = parts.count == 2 ? "[SourceDisksNames.\(parts[1])] or [SourceDisksNames]" : "[SourceDisksNames]"
                result.append(Violation(range: context.range(of: line, field: 1),
                                        message: "Disk id '\(id)' of '\(line.key ?? "")' is not defined in \(names)\(which)",
                                        code: 1273, infVerifValues: [line.key ?? "", id, parts.count == 2 ? "SourceDisksNames.\(parts[1])" : "SourceDisksNames"]))
            }
        }
        return result
    }

    /// A disk id for comparison: its number when decimal, else the text ignoring case.
    static func normalized(_ id: String) -> String {
        let trimmed = id.trimmingCharacters(in: " \t")
        if let number = Int(trimmed) { return String(number) }
        return trimmed.lowercased()
    }
}
