/// A `[DestinationDirs]` entry: `section = dirid[, subdir]` or `DefaultDestDir = dirid[, subdir]`.
public struct DestinationDirectory: Sendable {
    public let line: INFLine
    /// The DIRID, when field 1 is a number.
    public let dirid: Int?
    /// Field 1 as written after substitution.
    public let diridText: String
    /// The subdirectory below the DIRID (field 2), if any.
    public let subdirectory: String?
}

/// The `[DestinationDirs]` section: the default destination and one per file-list section.
public struct DestinationDirs: Sendable {
    /// `DefaultDestDir`, if present.
    public let defaultDirectory: DestinationDirectory?
    private let entries: [String: DestinationDirectory]

    init(section: INFSection?) {
        var entries: [String: DestinationDirectory] = [:]
        var fallback: DestinationDirectory?
        for line in section?.lines ?? [] {
            guard let key = line.key, let first = line.field(1) else { continue }
            let dirid = IntegerField(parsing: first).int32.map(Int.init)
            let subdirectory = line.field(2).flatMap { $0.isEmpty ? nil : $0 }
            let entry = DestinationDirectory(line: line, dirid: dirid, diridText: first, subdirectory: subdirectory)
            let folded = CaseInsensitive.fold(key)
            if folded == "defaultdestdir" {
                if fallback == nil { fallback = entry }
            } else if entries[folded] == nil {
                entries[folded] = entry
            }
        }
        defaultDirectory = fallback
        self.entries = entries
    }

    /// The entry for the file-list section `name`, without falling back to the default.
    public func entry(for name: String) -> DestinationDirectory? {
        entries[CaseInsensitive.fold(name)]
    }

    /// Where files of the file-list section `name` go: its own entry, else `DefaultDestDir`.
    public func destination(for name: String) -> DestinationDirectory? {
        entry(for: name) ?? defaultDirectory
    }

    /// Every entry other than `DefaultDestDir`.
    public var sectionEntries: [DestinationDirectory] { Array(entries.values).sorted { $0.line.lineNumber < $1.line.lineNumber } }
}

