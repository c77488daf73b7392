import Findings
import INFModel
import IsolationEngine

/// A `[Manufacturer]` line whose Models sections carry no architecture decoration.
public struct ArchitectureDecoration: Rule {
    public static let description = RuleDescription(
        name: "architecture-decoration", codes: [2010],
        title: "A Models section should be architecture-decorated",
        why: "Since Windows Server 2003 SP1 an undecorated Models section (or one decorated only NT or NT.<version>) applies on x86 alone: the devices it lists install on no 64-bit or Arm system.",
        fix: "List the architectures on the Manufacturer line and name the Models sections after them, e.g. %Mfg% = Contoso, NTamd64, NTarm64 with [Contoso.NTamd64] and [Contoso.NTarm64] (NT$ARCH$ in an .inx file).",
        levels: levels("W W W W"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = ↓Contoso
        %Other% = ↓Fabrikam, NT.6.1
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
        %Mfg% = Contoso, NTx86, NTamd64.10.0...16299
        %Other% = Fabrikam, NTx64
        [Strings]
        Mfg = "Contoso"
        Other = "Fabrikam"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        context.document.manufacturers.compactMap { entry in
            // A malformed decoration is bad-decoration's finding.
            guard entry.malformedDecorations.isEmpty, !entry.decorations.contains(where: { $0.architecture != nil }) else { return nil }
            return Violation(range: context.range(of: entry.line, field: 1),
                             message: "Models section [\(entry.modelsSection)] has no architecture decoration, so its devices install only on x86; add NTamd64, NTarm64 (or NTx86) to the Manufacturer line",
                             infVerifValues: [entry.modelsSection, "NTamd64"])
        }
    }
}
