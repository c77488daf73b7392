import Findings
import INFModel
import IsolationEngine

/// Files copied into Program Files.
public struct ProgramFilesDestination: Rule {
    public static let description = RuleDescription(
        name: "program-files-destination", codes: [1322],
        title: "Files are copied into Program Files",
        why: "A driver package may not install applications or their files; Program Files belongs to software installed separately.",
        fix: "Ship the application separately (AddSoftware in a DDInstall.Software section, or the Microsoft Store) and keep only driver files, in DIRID 13.",
        levels: levels("E E* - -"), fixable: false, group: .files)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        App_Files = ↓16422, Contoso\\Tool
        [Install]
        CopyFiles = App_Files
        [App_Files]
        tool.exe
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        App_Files = 13
        [Install]
        CopyFiles = App_Files
        [App_Files]
        tool.exe
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var seen = Set<Int>()
        return context.copiedFiles.compactMap { file in
            guard let destination = file.destination, let dirid = destination.dirid,
                  DirectoryIDs.programFiles.contains(dirid), seen.insert(destination.line.syntaxIndex).inserted else { return nil }
            return Violation(range: context.range(of: destination.line, field: 1),
                             message: "Files such as '\(file.entry.destination)' are copied to \(DirectoryIDs.describe(dirid)) (DIRID \(dirid)); a driver package may not install there — ship the application with AddSoftware",
                             allowedInSignatureMode: true)
        }
    }
}
