import INFModel

/// A registry value naming a package file by a DIRID path where the INF does not copy that file.
public struct RegistryPathNotCopied: Rule {
    public static let description = RuleDescription(
        name: "registry-path-not-copied", codes: [],
        title: "A registry value names a package file where the INF does not copy it",
        why: "A path written into the registry is read as it is: when the INF copies the file elsewhere (a DestinationDirs entry moved to the driver store, a ServiceBinary-like value left behind), whatever reads the value loads a file that is not there, or another package's copy.",
        fix: "Write the path where the file is copied (%13%\\name for the driver store), or copy the file where the value says.",
        levels: levels("W W W W"), fixable: false, group: .files)

    public static let triggeringExamples = [
        """
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
        """,
    ]

    public static let nonTriggeringExamples = [
        """
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
        """,
        """
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
        """,
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var copies: [String: [CopiedFile]] = [:]
        for file in context.copiedFiles { copies[file.entry.destination.lowercased(), default: []].append(file) }
        guard !copies.isEmpty else { return [] }
        let table = DirectoryTable.native(infName: "package.inf", architecture: context.architectures.first?.rawValue ?? "amd64")
        var result: [Violation] = []
        for item in context.uniqueRegistryEntries where item.entry.operation == .addReg {
            for offset in item.entry.rawData.indices {
                guard let field = context.document.token(of: item.entry.line, field: 5 + offset) else { continue }
                for path in context.diridPaths(in: field.range) {
                    let text = context.document.substituter.substitute(context.tree.text(of: path.range))
                    let name = Self.lastComponent(text).lowercased()
                    guard let copied = copies[name], let base = table.path(for: path.dirid) else { continue }
                    let written = DirectoryTable.comparable(base + "\\" + text.dropFirst(path.diridLength))
                    var shown: [String] = []
                    var matches = false
                    for copy in copied {
                        guard let destination = copy.destination, let dirid = destination.dirid else { matches = true; break }
                        let folder = table.folder(dirid: dirid, subdirectory: destination.subdirectory)
                        if DirectoryTable.comparable(folder + "\\" + copy.entry.destination) == written { matches = true; break }
                        let sub = destination.subdirectory.map { $0.isEmpty ? "" : "\\" + $0 } ?? ""
                        shown.append("%\(dirid)%\(sub)\\\(copy.entry.destination)")
                    }
                    guard !matches, !shown.isEmpty else { continue }
                    result.append(Violation(
                        range: path.range,
                        message: "'\(text)' names '\(Self.lastComponent(text))' where the INF does not copy it (it copies it to \(Array(Set(shown)).sorted().joined(separator: ", ")))"))
                }
            }
        }
        return result
    }

    static func lastComponent(_ path: String) -> String {
        guard let index = path.lastIndex(where: { $0 == "\\" || $0 == "/" }) else { return path }
        return String(path[path.index(after: index)...])
    }
}
