import INFModel

/// A CopyFiles entry that installs a file of the package folder, on one architecture.
public struct PackageFileInstall: Sendable {
    /// The install section holding the CopyFiles directive.
    public let installSection: String
    /// The file-list line, or the `CopyFiles = @file` directive line, that names the file.
    public let entry: CopyFileEntry
    /// The architecture whose SourceDisksNames and SourceDisksFiles place the file.
    public let architecture: Architecture
    /// The file's path in the package folder, with `/` separators and the case found on disk.
    public let relativePath: String
}

extension INFDocument {
    /// Where SourceDisksNames and SourceDisksFiles place source file `name` on `architecture`, relative
    /// to the package folder (disk path, subdirectory and name joined with `\`), or nil when the file
    /// is not listed.
    public func packagePath(ofSource name: String, architecture: Architecture) -> String? {
        guard let file = sourceDiskFile(named: name, architecture: architecture) else { return nil }
        return packagePath(of: file, architecture: architecture)
    }

    /// Where SourceDisksNames places a SourceDisksFiles entry on `architecture`, relative to the package folder.
    public func packagePath(of file: SourceDiskFile, architecture: Architecture) -> String {
        let disk = sourceDisks(for: architecture).first { CaseInsensitive.equal($0.id, file.diskID ?? "") }
        return [disk?.path, file.subdirectory, file.name].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\\")
    }

    /// Whether the package folder holds at least one file the INF lists in SourceDisksFiles on one of
    /// `architectures`: a built package rather than a source tree.
    public func isBuilt(in contents: PackageContents, architectures: [Architecture]) -> Bool {
        architectures.contains { architecture in
            sourceDiskFiles(for: architecture).contains { contents.file(packagePath(of: $0, architecture: architecture)) != nil }
        }
    }

    /// The files of the package folder that the CopyFiles directives of the install sections copy,
    /// on `architectures`: each file-list entry whose source name SourceDisksNames and SourceDisksFiles
    /// resolve to a file that exists in the folder, once per architecture it applies to.
    public func packageFileInstalls(in contents: PackageContents, graph: SectionGraph,
                                    architectures: [Architecture]) -> [PackageFileInstall] {
        var result: [PackageFileInstall] = []
        var seen = Set<String>()
        for section in sections where graph.roles(of: section).contains(where: \.isInstall) {
            let applicable = installArchitectures(ofSection: section.name)
            for operation in copyFiles(in: section) {
                for entry in operation.files {
                    for architecture in architectures where applicable.contains(architecture) {
                        guard let listed = packagePath(ofSource: entry.sourceName, architecture: architecture),
                              let found = contents.file(listed) else { continue }
                        let key = "\(section.foldedName)|\(entry.line.syntaxIndex)|\(architecture)|\(found)"
                        guard seen.insert(key).inserted else { continue }
                        result.append(PackageFileInstall(installSection: section.name, entry: entry,
                                                         architecture: architecture, relativePath: found))
                    }
                }
            }
        }
        return result
    }

    /// The architectures an install section applies to: the one its platform decoration names;
    /// otherwise every architecture for which the INF has no `<section>.NT<arch>` variant, which
    /// SetupAPI would install instead.
    public func installArchitectures(ofSection name: String) -> Set<Architecture> {
        let parts = name.split(ascii: ".", omittingEmptySubsequences: false).map(String.init)
        var base = name
        for index in parts.indices.dropFirst() {
            guard let decoration = PlatformDecoration(parsing: parts[index...].prefix(6).joined(separator: ".")) ??
                    PlatformDecoration(parsing: parts[index]) else { continue }
            if let architecture = decoration.architecture { return [architecture] }
            base = parts[..<index].joined(separator: ".")
            break
        }
        return Set(Architecture.allCases.filter { !hasSection("\(base).NT\($0.rawValue)") })
    }
}
