import INFModel

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
        """
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = ↓12
        [Install.NTamd64]
        CopyFiles = Drv_Files
        [Drv_Files]
        drv.sys
        """,
        """
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 13
        Helper_Files = ↓11
        [Install.NTamd64]
        CopyFiles = Helper_Files
        [Helper_Files]
        helper.dll
        """,
    ]

    public static let nonTriggeringExamples = [
        """
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 13
        [Install.NTamd64]
        CopyFiles = Drv_Files
        [Drv_Files]
        drv.sys
        """,
        """
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        DefaultDestDir = 13
        Unused_Files = 12
        """,
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
        return byLine.keys.sorted().compactMap { key -> Violation? in
            guard let (destination, files) = byLine[key], let dirid = destination.dirid else { return nil }
            // The driver store keeps files under their own names and package layout: a list that renames
            // or moves files cannot simply be pointed at DIRID 13.
            // A destination subfolder that the package does not have can be dropped: the files then sit
            // in the driver store as they sit in the package.
            var dropSubfolder = false
            let keepsLayout = files.allSatisfy { file in
                let renamed = file.entry.source.map { !$0.isEmpty && !CaseInsensitive.equal($0, file.entry.destination) } ?? false
                let sourceSub = context.architectures.lazy.compactMap {
                    context.document.sourceDiskFile(named: file.entry.sourceName, architecture: $0)
                }.first?.subdirectory ?? ""
                if Self.sameFolder(sourceSub, destination.subdirectory ?? "") { return !renamed }
                if Self.sameFolder(sourceSub, "") { dropSubfolder = true; return !renamed }
                return false
            }
            let names = Array(Set(files.map(\.entry.destination))).sorted()
            let shown = names.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (names.count > 3 ? " and \(names.count - 3) more" : "")
            let message = "Destination DIRID \(dirid) (\(DirectoryIDs.describe(dirid))) for \(shown) is not isolated to DIRID 13 (the driver store)"
            return Violation(range: context.range(of: destination.line, field: 1), message: message,
                             allowedInSignatureMode: DirectoryIDs.signatureExceptions.contains(dirid),
                             fix: keepsLayout ? fix(context, destination: destination, dirid: dirid, names: Set(names.map { $0.lowercased() }),
                                                    dropping: dropSubfolder ? destination.subdirectory : nil) : nil,
                             // Display drivers have a code of their own, reported in every mode.
                             code: context.isDisplayINF ? 2600 : nil)
        }
    }

    static func sameFolder(_ a: String, _ b: String) -> Bool {
        func normalize(_ path: String) -> String {
            path.withBackslashes.trimmingCharacters(in: "\\ .").lowercased()
        }
        return normalize(a) == normalize(b)
    }

    static func keepsReferences(_ name: String) -> Bool {
        let folded = CaseInsensitive.fold(name)
        return folded == "strings" || folded.hasPrefix("strings.") || folded == "destinationdirs"
    }

    private func fix(_ context: RuleContext, destination: DestinationDirectory, dirid: Int, names: Set<String>,
                     dropping subfolder: String?) -> UnitFix? {
        guard let token = context.document.token(of: destination.line, field: 1), !token.isQuoted else { return nil }
        var edits: [(range: Range<Int>, replacement: String)]
        // `%<dirid>%\<subfolder>\` in references becomes `%13%\` when the subfolder is dropped.
        var prefix = "%\(dirid)%"
        if let subfolder, let last = context.document.token(of: destination.line, field: 2) {
            edits = [(token.range.lowerBound..<last.range.upperBound, "13")]
            prefix += "\\" + subfolder.trimmingCharacters(in: "\\")
        } else {
            edits = [(token.range, "13")]
        }
        // Rewrite %<dirid>%\…\<file> references to the moved files wherever they are written
        // (ServiceBinary, registry data, WDF service sections…), but not in [Strings] or [DestinationDirs].
        // A value may list several paths separated by ';' (EventMessageFile), and a file name may be
        // written with a string key (`%12%\%DriverName%.sys`).
        let units = context.tree.source.text.units
        for section in context.document.sections where !Self.keepsReferences(section.name) {
            for line in section.lines {
                for (index, raw) in line.rawFields.enumerated() where raw.utf8.contains(0x25) {
                    guard let field = context.document.token(of: line, field: index + 1) else { continue }
                    for occurrence in context.occurrences(of: prefix, in: field.range) {
                        // A path starts the field or follows a ';' or a quote.
                        if occurrence.lowerBound > field.range.lowerBound {
                            let before = units[occurrence.lowerBound - 1]
                            guard before == 0x3B || before == 0x22 || before == 0x20 else { continue }
                        }
                        var end = occurrence.upperBound
                        while end < field.range.upperBound, units[end] != 0x3B, units[end] != 0x22 { end += 1 }
                        let rest = context.document.substituter.substitute(context.tree.text(of: occurrence.upperBound..<end))
                        guard rest.hasPrefix("\\"), names.contains(fileName(of: rest).lowercased()) else { continue }
                        edits.append((occurrence, "%13%"))
                    }
                }
            }
        }
        return UnitFix(
            title: "Copy to the driver store (DIRID 13) and refer to the files as %13%\\…", safety: .unsafe, edits: edits,
            followUp: "The files now run from the driver store: make sure the driver and its tools find them there (IoQueryFullDriverPath, GetModuleFileName) instead of in a fixed folder. DIRID 13 needs Windows 10 version 1709 (build 16299): driver-store-needs-newer-os decorates the Models sections that install on older builds, and reports those it cannot.")
    }
}
