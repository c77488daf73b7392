import Findings
import INFModel
import IsolationEngine

/// An AddComponent component name or ComponentIDs value holding `\` or `,`.
public struct ComponentIdCharacters: Rule {
    public static let description = RuleDescription(
        name: "component-id-characters", codes: [1150],
        title: "A software component name or ID holds a backslash or a comma",
        why: "Windows makes the hardware ID of a software component by prefixing SWC\\ to each ComponentIDs value, and names the component device after the AddComponent name; a backslash or comma inside breaks those IDs apart.",
        fix: "Use component names and IDs without \\ or , (for example VEN_CONTOSO&CID_PANEL).",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.Components]
        AddComponent = ↓"Contoso\\Panel",, Panel_Component
        [Panel_Component]
        ComponentIDs = ↓"VEN_CONTOSO,CID_PANEL"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.Components]
        AddComponent = ContosoPanel,, Panel_Component
        [Panel_Component]
        ComponentIDs = VEN_CONTOSO&CID_PANEL, VEN_CONTOSO&CID_PANEL2
        """),
    ]

    public init() {}

    /// The name of the section that holds `line`.
    static func section(holding line: INFLine, in document: INFDocument) -> String {
        document.sections.first { $0.lines.contains { $0.syntaxIndex == line.syntaxIndex } }?.name ?? ""
    }

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        var seen = Set<String>()
        for target in context.targets(of: "AddComponent", field: 3) {
            if let name = target.line.field(1), Self.holdsSeparator(name) {
                result.append(Violation(range: context.range(of: target.line, field: 1),
                                        message: "Component name '\(name)' may not hold '\\' or ','",
                                        infVerifValues: ["AddComponent", Self.section(holding: target.line, in: context.document)]))
            }
            guard let section = target.section, seen.insert(section.foldedName).inserted else { continue }
            for line in section.directive(.componentIDs) {
                for (index, id) in line.fields.enumerated() where Self.holdsSeparator(id) {
                    result.append(Violation(range: context.range(of: line, field: index + 1),
                                            message: "Component ID '\(id)' of [\(section.name)] may not hold '\\' or ','",
                                            infVerifValues: ["ComponentIDs", section.name]))
                }
            }
        }
        return result
    }

    static func holdsSeparator(_ text: String) -> Bool { text.containsByte(0x5C) || text.containsByte(0x2C) }
}
