import Findings
import INFModel
import IsolationEngine

/// A `CopyINF` value that is not an `.inf` file.
public struct CopyINFNotINF: Rule {
    public static let description = RuleDescription(
        name: "copyinf-not-inf", codes: [1110],
        title: "CopyINF lists a file that is not an INF",
        why: "CopyINF stages other INF files of the package into the driver store so that their devices can install; any other file is not an INF Windows can stage, and a package file is installed through CopyFiles instead.",
        fix: "List only .inf files in CopyINF; copy other files with CopyFiles.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT]
        CopyINF = companion.inf, ↓companion.cat, ↓tool.exe
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT]
        CopyINF = companion.inf, Other.INF
        CopyFiles = @tool.exe
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        // CopyINF is a directive of install sections; a DestinationDirs entry may share its name.
        for section in context.document.sections where context.graph.roles(of: section).contains(where: \.isInstall) {
            guard !CaseInsensitive.equal(section.name, "DestinationDirs") else { continue }
            for (value, line, field) in section.directiveValues(.copyINF) {
                let name = value.trimmingCharacters(in: " \t")
                guard !name.isEmpty, !PackageFileKnowledge.isUnresolved(name), !name.lowercased().hasSuffix(".inf") else { continue }
                result.append(Violation(range: context.range(of: line, field: field),
                                        message: "CopyINF lists '\(name)', which is not an INF file", infVerifValues: [name]))
            }
        }
        return result
    }
}
