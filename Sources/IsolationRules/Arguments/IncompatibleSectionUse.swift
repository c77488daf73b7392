import DriverPackage
import Findings
import INFModel
import IsolationEngine

/// A section named by two directives that read different entry syntaxes.
public struct IncompatibleSectionUse: Rule {
    public static let description = RuleDescription(
        name: "incompatible-section-use", codes: [1206],
        title: "A section is used by directives that read it differently",
        why: "Each directive reads its section's lines in one syntax: CopyFiles a file list, AddReg registry lines, AddService service directives, AddProperty property lines. A section named by directives of two kinds has lines that are wrong for one of them, so that directive fails or does something unintended.",
        fix: "Give each directive a section of its own kind.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 13
        [DefaultInstall.NTamd64]
        CopyFiles = Shared
        AddReg = ↓Shared
        [Shared]
        contoso.sys
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 13
        [DefaultInstall.NTamd64]
        CopyFiles = Files
        AddReg = Reg
        [Files]
        contoso.sys
        [Reg]
        HKLM,Software\\Contoso,A,,B
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var earlier: [String: [SectionLink]] = [:]
        var reported = Set<String>()
        var result: [Violation] = []
        for link in context.graph.links {
            let target = CaseInsensitive.fold(link.to)
            defer { earlier[target, default: []].append(link) }
            guard let other = earlier[target]?.first(where: { !SectionUse.compatible($0, link) }) else { continue }
            let pair = [SectionUse(other).rawValue + other.directive.lowercased(), SectionUse(link).rawValue + link.directive.lowercased()].sorted()
            guard reported.insert(target + "|" + pair.joined(separator: "|")).inserted else { continue }
            result.append(Violation(
                range: context.range(of: link.line, field: link.field),
                message: "Section [\(link.to)] is used by directive '\(link.directive)', which is incompatible with its use by '\(other.directive)'",
                related: [(context.range(of: other.line, field: other.field), "used by \(other.directive) here")], code: 1206,
                infVerifValues: [other.directive, link.to, link.directive]))
        }
        return result
    }
}
