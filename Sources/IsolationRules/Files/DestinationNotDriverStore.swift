import Findings
import INFModel
import IsolationEngine

/// Files copied to a folder other than the driver store (DIRID 13).
public struct DestinationNotDriverStore: Rule {
    public static let description = RuleDescription(
        name: "destination-not-driver-store", codes: [1322, 1306, 2600],
        title: "Files are copied outside the driver store",
        why: "An isolated package runs its files from the driver store (DIRID 13), so that versions install side by side and no global file is overwritten.",
        fix: "Set the DestinationDirs entry (or DefaultDestDir) to 13 and refer to the files as %13%\\name in ServiceBinary and registry values; the driver store needs Windows 10 version 1709 (build 16299), so decorate the Models section with NT<arch>.10.0...16299.",
        levels: levels("E E* W W"), fixable: true, group: .files,
        codeInMode: [.universal: 1306, .declarative: 1306, .desktop: 1306])

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 12
        [Install.NTamd64]
        CopyFiles = Drv_Files, ↓@helper.dll
        ↓[Drv_Files]
        drv.sys
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 13
        Helper_Files = 11
        [Install.NTamd64]
        CopyFiles = Helper_Files
        ↓[Helper_Files]
        helper.dll
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = Display
        ClassGuid = {4d36e968-e325-11ce-bfc1-08002be10318}
        [DestinationDirs]
        DefaultDestDir = 11
        [Install.NTamd64]
        CopyFiles = Umd_Files
        ↓[Umd_Files]
        contosoumd.dll
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 13
        [Install.NTamd64]
        CopyFiles = Drv_Files
        [Drv_Files]
        drv.sys
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 13
        Unused_Files = 12
        """),
    ]

    public static let fixExamples = [
        FixExample(
            before: """
            [Version]
            Signature = "$Windows NT$"
            [DestinationDirs]
            DefaultDestDir = 12
            Helper_Files = 11
            [Install.NTamd64]
            CopyFiles = Drv_Files, Helper_Files
            AddReg = Reg
            [Install.NTamd64.Services]
            AddService = Contoso, 0x2, Service
            [Service]
            ServiceType = 1
            StartType = 3
            ErrorControl = 1
            ServiceBinary = %12%\\contoso.sys
            [Drv_Files]
            contoso.sys
            [Helper_Files]
            helper.dll
            [Reg]
            HKR, , Helper, , "%11%\\helper.dll"
            """,
            after: """
            [Version]
            Signature = "$Windows NT$"
            [DestinationDirs]
            DefaultDestDir = 13
            Helper_Files = 13
            [Install.NTamd64]
            CopyFiles = Drv_Files, Helper_Files
            AddReg = Reg
            [Install.NTamd64.Services]
            AddService = Contoso, 0x2, Service
            [Service]
            ServiceType = 1
            StartType = 3
            ErrorControl = 1
            ServiceBinary = %13%\\contoso.sys
            [Drv_Files]
            contoso.sys
            [Helper_Files]
            helper.dll
            [Reg]
            HKR, , Helper, , "%13%\\helper.dll"
            """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var byLine: [Int: (DestinationDirectory, [CopiedFile])] = [:]
        for file in context.copiedFiles {
            guard let destination = file.destination, let dirid = destination.dirid,
                  dirid != DirectoryIDs.driverStore, !DirectoryIDs.programFiles.contains(dirid) else { continue }
            byLine[destination.line.syntaxIndex, default: (destination, [])].1.append(file)
        }
        return byLine.keys.sorted().compactMap { key -> [Violation]? in
            guard let (destination, files) = byLine[key], let dirid = destination.dirid else { return nil }
            // The driver store keeps files under their own names and package layout: a list that renames
            // or moves files cannot simply be pointed at DIRID 13.
            // A destination subfolder that the package does not have can be dropped: the files then sit
            // in the driver store as they sit in the package.
            var dropSubfolder = false
            let keepsLayout = files.allSatisfy { file in
                let renamed = file.entry.source.map { !$0.isEmpty && !CaseInsensitive.equal($0, file.entry.destination) } ?? false
                let sourceSub = context.sourceDiskFile(named: file.entry.sourceName)?.subdirectory ?? ""
                if Self.sameFolder(sourceSub, destination.subdirectory ?? "") { return !renamed }
                if Self.sameFolder(sourceSub, "") { dropSubfolder = true; return !renamed }
                return false
            }
            let names = Array(Set(files.map(\.entry.destination))).sorted()
            let unitFix = keepsLayout ? fix(context, destination: destination, dirid: dirid, names: Set(names.map { $0.lowercased() }),
                                            dropping: dropSubfolder ? destination.subdirectory : nil) : nil
            // InfVerif reports 1322 on the header of each file list the entry sends elsewhere (on the
            // CopyFiles line for a single `@file`); the DestinationDirs entry, which the fix edits, is
            // the related place. Every list's finding carries the fix of the entry.
            return Self.places(of: files, context: context).map { place in
                let listed = Array(Set(place.files.map(\.entry.destination))).sorted()
                let shown = listed.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (listed.count > 3 ? " and \(listed.count - 3) more" : "")
                let message = "Destination DIRID \(dirid) (\(DirectoryIDs.describe(dirid))) for \(shown) is not isolated to DIRID 13 (the driver store)"
                return Violation(range: place.range, message: message,
                                 allowedInSignatureMode: DirectoryIDs.signatureExceptions.contains(dirid),
                                 fix: unitFix,
                                 related: [(context.range(of: destination.line), "the DestinationDirs entry that sends the files to DIRID \(dirid)")],
                                 // Display drivers have a code of their own, reported in every mode.
                                 code: context.isDisplayINF ? 2600 : nil,
                                 infVerifValues: Self.infVerifValues(place.files[0], dirid: dirid, display: context.isDisplayINF, mode: context.mode))
            }
        }.flatMap { $0 }
    }

    /// Where InfVerif puts a finding about copies: the header of each file-list section, or the
    /// CopyFiles line of a single `@file`, each with the files copied from there, in file order.
    static func places(of files: [CopiedFile], context: RuleContext) -> [(range: Range<Int>, files: [CopiedFile])] {
        var order: [String] = []
        var byPlace: [String: (range: Range<Int>, files: [CopiedFile])] = [:]
        for file in files {
            let key: String
            let range: Range<Int>
            switch file.operation.target {
            case .section(let name):
                key = "list:" + CaseInsensitive.fold(name)
                range = context.document.section(named: name).flatMap { context.headerRange(of: $0) }
                    ?? context.range(of: file.operation.reference.line, field: file.operation.reference.field)
            case .file:
                key = "file:\(file.operation.reference.line.syntaxIndex)"
                range = context.range(of: file.operation.reference.line, field: file.operation.reference.field)
            }
            if byPlace[key] == nil { order.append(key); byPlace[key] = (range, []) }
            byPlace[key]?.files.append(file)
        }
        return order.compactMap { byPlace[$0] }.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// InfVerif's values for the first file of a list: the destination path, the file and DIRID 13
    /// (1322); the directive, the path and the DIRID display drivers must use (2600); in `/u` and
    /// `/k` the legacy operation, the path and the file (1306).
    static func infVerifValues(_ file: CopiedFile, dirid: Int, display: Bool, mode: Mode) -> [String] {
        let path = InfVerifValues.path(dirid: dirid, subdirectory: file.destination?.subdirectory, file: file.entry.destination)
        if display { return ["CopyFiles", path, "13"] }
        if mode == .isolation || mode == .signature { return [path, file.entry.destination, "13"] }
        return ["CopyFiles", path, file.entry.destination, ""]
    }

    static func sameFolder(_ a: String, _ b: String) -> Bool {
        func normalize(_ path: String) -> String {
            path.withBackslashes.trimmingCharacters(in: "\\ .").lowercased()
        }
        return normalize(a) == normalize(b)
    }

    static func keepsReferences(_ section: INFSection) -> Bool {
        section.isStrings || section.foldedName == "destinationdirs"
    }

    private func fix(_ context: RuleContext, destination: DestinationDirectory, dirid: Int, names: Set<String>,
                     dropping subfolder: String?) -> UnitFix? {
        guard let token = context.document.token(of: destination.line, field: 1), !token.isQuoted else { return nil }
        var edits: [(range: Range<Int>, replacement: String)]
        // References to the files' folder become `%13%` (with the subfolder when it is kept).
        var newFolder = "%13%"
        if subfolder != nil, let last = context.document.token(of: destination.line, field: 2) {
            edits = [(token.range.lowerBound..<last.range.upperBound, "13")]
        } else {
            edits = [(token.range, "13")]
            if let sub = destination.subdirectory?.trimmingCharacters(in: "\\ "), !sub.isEmpty { newFolder += "\\" + sub }
        }
        // Rewrite the references to the moved files wherever they are written (ServiceBinary, registry
        // data, WDF service sections…), but not in [Strings] or [DestinationDirs]: every path whose
        // folder is the files' old folder, however it is spelled (`%12%`, `%10%\System32\Drivers`), in
        // a value that may list several paths separated by ';' (EventMessageFile), with a file name
        // that may be a string key (`%12%\%DriverName%.sys`).
        let oldFolder = Self.nativeTable.folder(dirid: dirid, subdirectory: destination.subdirectory)
        for reference in Self.folderReferences(context) where reference.comparableFolder == oldFolder && names.contains(reference.fileName) {
            edits.append((reference.folderRange, newFolder))
        }
        return UnitFix(
            title: "Copy to the driver store (DIRID 13) and refer to the files as %13%\\…", safety: .unsafe, edits: edits,
            followUp: "The files now run from the driver store: make sure the driver and its tools find them there (IoQueryFullDriverPath, GetModuleFileName) instead of in a fixed folder. DIRID 13 needs Windows 10 version 1709 (build 16299): driver-store-needs-newer-os decorates the Models sections that install on older builds, and reports those it cannot.")
    }

    /// Where each folder in this rule's findings and fixes resolves, on amd64 as Windows lays it out.
    private static let nativeTable = DirectoryTable.native(infName: "package.inf", architecture: "amd64")

    /// The paths written as `%N%\folder\file` in the fields the fix may rewrite (not in [Strings] or
    /// [DestinationDirs]) whose folder part is literal below the DIRID, in file order: computed once
    /// per file for all the file's fixes.
    private static func folderReferences(_ context: RuleContext) -> [FolderReference] {
        context.shared(FolderReferencesKey.self) {
            var references: [FolderReference] = []
            // Only a field with `%` and a digit can hold a `%N%` path.
            for item in context.percentFields where !keepsReferences(item.section) && holdsDirid(item.raw) {
                guard let field = context.document.token(of: item.line, field: item.field) else { continue }
                for path in context.diridPaths(in: field.range) {
                    let text = context.tree.text(of: path.range)
                    guard let slash = text.lastIndex(of: "\\") else { continue }
                    let folderText = text[..<slash]
                    guard !folderText.dropFirst(path.diridLength).contains("%"), let base = nativeTable.path(for: path.dirid) else { continue }
                    let name = context.document.substituter.substitute(String(text[text.index(after: slash)...]))
                    references.append(FolderReference(
                        folderRange: path.range.lowerBound..<(path.range.lowerBound + folderText.utf16.count),
                        fileName: name.lowercased(),
                        comparableFolder: DirectoryTable.comparable(base + "\\" + folderText.dropFirst(path.diridLength))))
                }
            }
            return references
        }
    }
}

/// Whether `raw` holds a `%` followed by a digit, as every `%N%` does.
private func holdsDirid(_ raw: String) -> Bool {
    var previous: UInt8 = 0
    for byte in raw.utf8 {
        if previous == UInt8(ascii: "%"), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { return true }
        previous = byte
    }
    return false
}

/// A path that starts with a DIRID and a literal folder: the code units of the DIRID and the folder
/// (what the fix rewrites), the file name (substituted, lowercased), and the folder as a comparable path.
private struct FolderReference: Sendable {
    let folderRange: Range<Int>
    let fileName: String
    let comparableFolder: String
}

private enum FolderReferencesKey: RuleContextKey {
    typealias Value = [FolderReference]
}
