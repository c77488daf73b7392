/// A `[SourceDisksNames]` entry: `diskid = description[, tagfile[, unused[, path[, flags[, tagfile]]]]]`.
public struct SourceDisk: Sendable {
    public let line: INFLine
    public let id: String
    public let description: String?
    public let tagFile: String?
    /// The subdirectory of the media holding the files (field 4).
    public let path: String?
}

/// A `[SourceDisksFiles]` entry: `filename = diskid[, subdir[, size]]`.
public struct SourceDiskFile: Sendable {
    public let line: INFLine
    public let name: String
    public let diskID: String?
    /// The subdirectory below the disk's path (field 2).
    public let subdirectory: String?
    /// The section the entry came from, e.g. `SourceDisksFiles.amd64`.
    public let sectionName: String
}

extension INFDocument {
    /// The SourceDisksNames entries that apply on `architecture`: `SourceDisksNames.<arch>` entries
    /// first, then undecorated ones for ids the decorated section does not define.
    public func sourceDisks(for architecture: Architecture) -> [SourceDisk] {
        var seen = Set<String>()
        var result: [SourceDisk] = []
        for name in ["SourceDisksNames.\(architecture.rawValue)", "SourceDisksNames"] {
            for line in section(named: name)?.lines ?? [] {
                guard let id = line.key, seen.insert(CaseInsensitive.fold(id)).inserted else { continue }
                result.append(SourceDisk(line: line, id: id, description: line.field(1), tagFile: line.field(2), path: line.field(4)))
            }
        }
        return result
    }

    /// The SourceDisksFiles entries that apply on `architecture`, decorated section first.
    public func sourceDiskFiles(for architecture: Architecture) -> [SourceDiskFile] {
        sourceDiskFileIndex(for: architecture).files
    }

    /// The SourceDisksFiles entry of `file` on `architecture`, if listed.
    public func sourceDiskFile(named file: String, architecture: Architecture) -> SourceDiskFile? {
        let index = sourceDiskFileIndex(for: architecture)
        return index.names.id(of: file).map { index.files[Int($0)] }
    }

    /// The entries of `architecture` with their names numbered, built the first time they are asked for.
    private func sourceDiskFileIndex(for architecture: Architecture) -> SourceDiskFileIndex {
        cache.sourceDiskFiles(for: architecture) {
            var names = NameInterner()
            var files: [SourceDiskFile] = []
            for name in ["SourceDisksFiles.\(architecture.rawValue)", "SourceDisksFiles"] {
                guard let section = section(named: name) else { continue }
                for line in section.lines {
                    // The first entry of a name wins: a name met again keeps its number.
                    guard let file = line.key, Int(names.intern(file)) == files.count else { continue }
                    files.append(SourceDiskFile(line: line, name: file, diskID: line.field(1),
                                                subdirectory: line.field(2).flatMap { $0.isEmpty ? nil : $0 },
                                                sectionName: section.name))
                }
            }
            return SourceDiskFileIndex(files: files, names: names)
        }
    }
}

/// The SourceDisksFiles entries of one architecture, entry `i` named by name number `i`.
struct SourceDiskFileIndex: Sendable {
    let files: [SourceDiskFile]
    let names: NameInterner
}
