/// One value of a `CopyFiles` directive: a file-list section, or a single file written `@file`.
public enum CopyFilesTarget: Sendable, Hashable {
    /// A file-list section whose lines name the files.
    case section(String)
    /// `@name`: one file copied directly to the install section's default destination.
    case file(String)

    init(_ value: String) {
        if value.hasPrefix("@") { self = .file(String(value.dropFirst())) } else { self = .section(value) }
    }
}

/// A line of a CopyFiles file-list section: `destination-file[, source-file[, temp[, flags]]]`.
public struct CopyFileEntry: Sendable {
    public let line: INFLine
    /// The name the file gets at its destination.
    public let destination: String
    /// The source file name, when it differs from the destination (a rename).
    public let source: String?
    /// COPYFLG_* flags (field 4).
    public let flags: UInt32?

    /// The file name read from the source media.
    public var sourceName: String { (source?.isEmpty == false ? source : nil) ?? destination }
}

/// A CopyFiles directive value resolved: where it was named and the files it copies.
public struct CopyFilesOperation: Sendable {
    public let reference: SectionReference
    public let target: CopyFilesTarget
    /// The files copied: the lines of the file-list section, or the single `@file`.
    public let files: [CopyFileEntry]
}

extension INFDocument {
    /// The CopyFiles operations of an install section, with the files each copies.
    public func copyFiles(in section: INFSection) -> [CopyFilesOperation] {
        references("CopyFiles", in: section).map { reference in
            let target = CopyFilesTarget(reference.name)
            switch target {
            case .file(let name):
                let entry = CopyFileEntry(line: reference.line, destination: name, source: nil, flags: nil)
                return CopyFilesOperation(reference: reference, target: target, files: [entry])
            case .section(let name):
                let entries = (self.section(named: name)?.lines ?? []).compactMap { line -> CopyFileEntry? in
                    guard let destination = line.field(1), !destination.isEmpty else { return nil }
                    let flags = line.field(4).flatMap { IntegerField(parsing: $0).uint32 }
                    return CopyFileEntry(line: line, destination: destination, source: line.field(2), flags: flags)
                }
                return CopyFilesOperation(reference: reference, target: target, files: entries)
            }
        }
    }
}
