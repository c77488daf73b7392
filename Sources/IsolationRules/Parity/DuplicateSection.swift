import Findings
import INFModel
import IsolationEngine

/// A section defined more than once.
public struct DuplicateSection: Rule {
    public static let description = RuleDescription(
        name: "duplicate-section", codes: [1209],
        title: "A section is defined more than once",
        why: "SetupAPI merges every header of the same name into one section, so lines written under the second header silently join the first; usually one of them was meant to have another name.",
        fix: "Merge the lines into one section, or rename the second one and name it from the directive meant to use it.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        ↓[Install]
        CopyFiles = Files
        ↓[DestinationDirs]
        DefaultDestDir = 13
        [Files]
        a.sys
        [install]
        AddReg = Reg
        [Install]
        AddReg = Reg
        [DestinationDirs]
        CoInstaller_CopyFiles = 11
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        CopyFiles = Files
        [Install.NTamd64]
        CopyFiles = Files
        [Strings]
        A = B
        [Strings.0407]
        A = C
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        // InfVerif reports the section once, at its first header; the others are related locations.
        context.document.sections.filter { $0.headers.count > 1 }.map { section in
            let headers = section.headers.map { context.tree.sections[$0].header.range }
            let lines = headers.dropFirst().map { String(context.tree.position(of: $0.lowerBound).line) }
            return Violation(
                range: headers[0],
                message: "Section [\(section.name)] is defined multiple times (again on line\(lines.count > 1 ? "s" : "") \(lines.joined(separator: ", "))).",
                related: headers.dropFirst().map { ($0, "defined again here") },
                infVerifValues: [section.name])
        }
    }
}
