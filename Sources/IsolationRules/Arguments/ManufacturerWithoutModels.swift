import Findings
import INFModel
import IsolationEngine

/// A `[Manufacturer]` entry that names no Models section.
public struct ManufacturerWithoutModels: Rule {
    public static let description = RuleDescription(
        name: "manufacturer-without-models", codes: [1011],
        title: "A Manufacturer entry names no Models section",
        why: "Each `[Manufacturer]` entry points Windows to the Models section that lists the manufacturer's devices; an entry whose first value is empty names no section, so none of the devices meant there can install from the INF.",
        fix: "Write the Models section name after the `=`: `%Mfg% = Contoso, NTamd64`.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        ↓%Mfg% =
        ↓%Other% = , NTamd64
        [Strings]
        Mfg = "Contoso"
        Other = "Fabrikam"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Contoso, NTamd64
        [Contoso.NTamd64]
        Device = Install, ROOT\\Contoso
        [Install.NTamd64]
        [Strings]
        Mfg = "Contoso"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        guard let section = context.document.section(named: "Manufacturer") else { return [] }
        return section.lines.compactMap { line in
            guard line.hasExplicitKey, (line.rawField(1) ?? "").trimmingCharacters(in: " \t").isEmpty else { return nil }
            return Violation(range: context.rangeOfValue(line, field: 1),
                             message: "Manufacturer entry '\(line.rawKey ?? "")' does not name a Models section", code: 1011)
        }
    }
}
