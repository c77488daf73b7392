import Findings
import INFModel
import IsolationEngine

/// A catalog (`.cat`) file listed in `[SourceDisksFiles]`.
public struct CatalogInSourceDisks: Rule {
    public static let description = RuleDescription(
        name: "catalog-in-source-disks", codes: [1213],
        title: "A catalog file is listed in SourceDisksFiles",
        why: "The catalog signs the files SourceDisksFiles lists, so it cannot be one of them; CatalogFile in [Version] names it, and signing creates it after the INF is written.",
        fix: "Remove the .cat line from [SourceDisksFiles] (and any CopyFiles that copies it); name the catalog with CatalogFile in [Version].",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        CatalogFile = contoso.cat
        [SourceDisksFiles]
        contoso.sys = 1
        ↓contoso.cat = 1
        [SourceDisksFiles.amd64]
        ↓Contoso64.CAT = 1
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        CatalogFile = contoso.cat
        [SourceDisksFiles]
        contoso.sys = 1
        contoso.cat.txt = 1
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for section in context.document.sections {
            let folded = section.foldedName
            guard folded == "sourcedisksfiles" || folded.hasPrefix("sourcedisksfiles.") else { continue }
            for line in section.lines {
                guard let name = line.key?.trimmingCharacters(in: " \t"), name.lowercased().hasSuffix(".cat") else { continue }
                result.append(Violation(range: context.range(of: line, field: 0),
                                        message: "Catalog file '\(name)' may not be listed in [\(section.name)]; name it with CatalogFile in [Version]"))
            }
        }
        return result
    }
}
