import Findings
import INFModel
import IsolationEngine

/// Files copied through a file list that has no `[DestinationDirs]` entry, with no `DefaultDestDir`.
public struct NoDestination: Rule {
    public static let description = RuleDescription(
        name: "no-destination", codes: [1275],
        title: "Copied files have no destination",
        why: "Without a DestinationDirs entry for the file list and without DefaultDestDir, SetupAPI copies the files to a default system folder that the INF never names, outside the driver store.",
        fix: "Add the file-list section to [DestinationDirs] with DIRID 13 (the driver store), or set DefaultDestDir = 13.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        Drv_Files = 13
        [Install]
        CopyFiles = Drv_Files, ↓Help_Files, ↓@readme.txt
        [Drv_Files]
        drv.sys
        [Help_Files]
        help.chm
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 13
        [Install]
        CopyFiles = Drv_Files, @readme.txt
        [Drv_Files]
        drv.sys
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        var seen = Set<String>()
        for file in context.copiedFiles where file.destination == nil {
            let reference = file.operation.reference
            guard seen.insert("\(reference.line.syntaxIndex)|\(reference.field)").inserted else { continue }
            let message: String
            let values: [String]
            switch file.operation.target {
            case .file(let name):
                message = "'\(name)' is copied with CopyFiles = @\(name), but [DestinationDirs] has no DefaultDestDir"
                values = ["File", name]
            case .section(let name):
                message = "Files of [\(name)] have no destination: [DestinationDirs] has no entry for it and no DefaultDestDir"
                values = ["Section", name]
            }
            result.append(Violation(range: context.range(of: reference.line, field: reference.field), message: message,
                                    infVerifValues: values))
        }
        return result
    }
}
