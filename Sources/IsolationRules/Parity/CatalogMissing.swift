import Findings
import INFModel
import IsolationEngine

/// `[Version]` without a `CatalogFile` for an architecture the INF installs on.
public struct CatalogMissing: Rule {
    public static let description = RuleDescription(
        name: "catalog-missing", codes: [1233],
        title: "[Version] names no catalog file",
        why: "A driver package is signed through its catalog; without CatalogFile the package cannot be signed, and Windows installs it as unsigned or not at all.",
        fix: "Add CatalogFile = <name>.cat to [Version] (or CatalogFile.NT<arch> for each architecture); signing creates the file. An .inx template is not checked, since stampinf -c adds the line.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        ↓[Version]
        Signature = "$Windows NT$"
        Class = System
        """),
        RuleExample("""
        ↓[Version]
        Signature = "$Windows NT$"
        CatalogFile.NTx86 = contoso32.cat
        [Manufacturer]
        %Mfg% = Models, NTx86, NTamd64
        [Strings]
        Mfg = "Contoso"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        CatalogFile = contoso.cat
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        CatalogFile.NTx86 = contoso32.cat
        CatalogFile.NTamd64 = contoso64.cat
        [Manufacturer]
        %Mfg% = Models, NTx86, NTamd64
        [Strings]
        Mfg = "Contoso"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        // stampinf writes CatalogFile into the INF it makes from an .inx template.
        guard !context.isTemplate, let version = context.document.section(named: "Version"),
              let range = context.headerRange(of: version) else { return [] }
        let keys = Set(context.document.version.catalogFileLines.compactMap { line -> String? in
            guard let key = line.key, let value = line.fields.first, !value.isEmpty else { return nil }
            return CaseInsensitive.fold(key)
        })
        if keys.contains("catalogfile") || keys.contains("catalogfile.nt") { return [] }
        let missing = context.architectures.filter { !keys.contains("catalogfile.nt\($0.rawValue)") }
        guard !missing.isEmpty else { return [] }
        let which = keys.isEmpty ? "" : " for \(missing.map(\.rawValue).joined(separator: ", "))"
        let directive = keys.isEmpty ? "CatalogFile" : "CatalogFile.NT\(missing[0].rawValue)"
        return [Violation(range: range, message: "[Version] has no CatalogFile\(which); the package cannot be signed",
                          infVerifValues: [directive])]
    }
}
