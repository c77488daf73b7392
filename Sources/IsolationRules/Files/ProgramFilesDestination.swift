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
        App_Files = 16422, Contoso\\Tool
        [Install]
        CopyFiles = App_Files
        ↓[App_Files]
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
        var byLine: [Int: (DestinationDirectory, [CopiedFile])] = [:]
        for file in context.copiedFiles {
            guard let destination = file.destination, let dirid = destination.dirid, DirectoryIDs.programFiles.contains(dirid) else { continue }
            byLine[destination.line.syntaxIndex, default: (destination, [])].1.append(file)
        }
        // As InfVerif's 1322, on the header of each file list (the DestinationDirs entry is related).
        return byLine.keys.sorted().flatMap { key -> [Violation] in
            guard let (destination, files) = byLine[key], let dirid = destination.dirid else { return [] }
            return DestinationNotDriverStore.places(of: files, context: context).map { place in
                Violation(range: place.range,
                          message: "Files such as '\(place.files[0].entry.destination)' are copied to \(DirectoryIDs.describe(dirid)) (DIRID \(dirid)); a driver package may not install there — ship the application with AddSoftware",
                          allowedInSignatureMode: true,
                          related: [(context.range(of: destination.line), "the DestinationDirs entry that sends the files to DIRID \(dirid)")],
                          infVerifValues: DestinationNotDriverStore.infVerifValues(place.files[0], dirid: dirid, display: false, mode: context.mode))
            }
        }
    }
}
