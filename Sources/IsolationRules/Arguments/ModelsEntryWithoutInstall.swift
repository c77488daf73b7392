import DriverPackage
import Findings
import INFModel
import IsolationEngine

/// A Models entry whose install section is empty.
public struct ModelsEntryWithoutInstall: Rule {
    public static let description = RuleDescription(
        name: "models-entry-without-install", codes: [1271],
        title: "A Models entry names no install section",
        why: "A Models entry `description = install-section, hardware-id, …` tells Windows which DDInstall section installs the device; with the install section empty the entry matches the device but gives it nothing to install, and Windows cannot use it.",
        fix: "Write the DDInstall section name as the first value of the entry.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        Contoso = Models, NTamd64
        [Models.NTamd64]
        ↓Device = , ROOT\\Contoso
        Other = Install, ROOT\\Other
        [Install.NTamd64]
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        Contoso = Models, NTamd64
        [Models.NTamd64]
        Device = Install, ROOT\\Contoso
        [Install.NTamd64]
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for section in context.document.sections where context.graph.roles(of: section).contains(.models) {
            for line in section.lines where line.hasExplicitKey {
                guard (line.rawField(1) ?? "").trimmingCharacters(in: " \t").isEmpty else { continue }
                result.append(Violation(range: context.rangeOfValue(line, field: 1),
                                        message: "Models entry '\(line.rawKey ?? "")' in [\(section.name)] has no install section",
                                        code: 1271))
            }
        }
        return result
    }
}
