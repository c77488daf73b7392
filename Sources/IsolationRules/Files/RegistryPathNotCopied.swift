import Findings
import INFModel
import IsolationEngine

/// A registry value naming a package file by a DIRID path where the INF does not copy that file.
public struct RegistryPathNotCopied: Rule {
    public static let description = RuleDescription(
        name: "registry-path-not-copied", codes: [],
        title: "A registry value names a package file where the INF does not copy it",
        why: "A path written into the registry is read as it is: when the INF copies the file elsewhere (a DestinationDirs entry moved to the driver store, a ServiceBinary-like value left behind), whatever reads the value loads a file that is not there, or another package's copy.",
        fix: "Write the path where the file is copied (%13%\\name for the driver store), or copy the file where the value says.",
        levels: levels("W W W W"), fixable: false, group: .files)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 13
        [Install]
        CopyFiles = Files
        AddReg = Reg
        [Files]
        filter.sys
        [Reg]
        HKR,,EventMessageFile,0x00020000,"%11%\\IoLogMsg.dll;↓%12%\\filter.sys"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 13
        [Install]
        CopyFiles = Files
        AddReg = Reg
        [Files]
        filter.sys
        [Reg]
        HKR,,EventMessageFile,0x00020000,"%11%\\IoLogMsg.dll;%13%\\filter.sys"
        HKR,,Other,,"%12%\\other.sys"
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 12
        [Install]
        CopyFiles = Files
        AddReg = Reg
        [Files]
        filter.sys
        [Reg]
        HKR,,ImagePath,,"%10%\\System32\\Drivers\\filter.sys"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        guard !context.copiedFiles.isEmpty else { return [] }
        var result: [Violation] = []
        for item in context.uniqueRegistryEntries where item.entry.operation == .addReg {
            for offset in item.entry.rawData.indices {
                guard let field = context.document.token(of: item.entry.line, field: 5 + offset) else { continue }
                for path in context.diridPaths(in: field.range) {
                    let text = context.document.substituter.substitute(context.tree.text(of: path.range))
                    guard let elsewhere = context.copiedElsewhere(dirid: path.dirid, rest: String(text.dropFirst(path.diridLength))) else { continue }
                    result.append(Violation(
                        range: path.range,
                        message: "'\(text)' names '\(fileName(of: text))' where the INF does not copy it (it copies it to \(elsewhere.joined(separator: ", ")))"))
                }
            }
        }
        return result
    }
}
