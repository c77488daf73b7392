import Findings
import INFModel
import IsolationEngine

/// A `CatalogFile` (or `CatalogFile.<decoration>`) value that is not the name of a `.cat` file.
public struct CatalogFileName: Rule {
    public static let description = RuleDescription(
        name: "catalog-file-name", codes: [1214],
        title: "A CatalogFile value is not a catalog file name",
        why: "Windows looks for the catalog beside the INF under the name CatalogFile gives; a path, a name without the .cat extension or characters a file name cannot hold leave the package without the catalog that signs it.",
        fix: "Give the bare file name of the catalog, ending in .cat, e.g. CatalogFile = contoso.cat, and keep the catalog in the INF's folder.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        CatalogFile = ↓amd64\\contoso.cat
        CatalogFile.NTarm64 = ↓contoso_arm64
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        CatalogFile = ↓"contoso?.cat"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        CatalogFile = contoso.cat
        CatalogFile.NTarm64 = %Catalog%
        [Strings]
        Catalog = "contoso_arm64.CAT"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        context.document.version.catalogFileLines.compactMap { line -> Violation? in
            guard let value = line.fields.first?.trimmingCharacters(in: " \t"), !value.isEmpty,
                  !PackageFileKnowledge.isUnresolved(value) else { return nil }
            let key = line.key ?? "CatalogFile"
            let problem: String
            if value.containsByte(0x5C) || value.containsByte(0x2F) {
                problem = "is a path; give the catalog's file name only"
            } else if let bad = value.first(where: { PackageFileKnowledge.invalidNameCharacters.contains($0) || $0.unicodeScalars.contains { $0.value < 0x20 } }) {
                problem = bad.unicodeScalars.allSatisfy({ $0.value >= 0x20 })
                    ? "holds '\(bad)', which a file name cannot hold" : "holds a control character"
            } else if !value.lowercased().hasSuffix(".cat") || value.count <= 4 {
                problem = "does not end in .cat"
            } else {
                return nil
            }
            return Violation(range: context.range(of: line, field: 1), message: "\(key) '\(value)' \(problem)", infVerifValues: [value])
        }
    }
}
