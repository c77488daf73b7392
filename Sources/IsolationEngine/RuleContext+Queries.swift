import DriverPackage
import Findings
import INFModel

/// A file a CopyFiles directive copies, with the section that copies it and where it lands.
/// Immutable, and a class so that the rules that walk the list share one copy of its texts.
public final class CopiedFile: Sendable {
    /// The install section holding the CopyFiles directive.
    public let installSection: String
    public let operation: CopyFilesOperation
    public let entry: CopyFileEntry
    /// The DestinationDirs entry that applies (the list's own entry or DefaultDestDir).
    public let destination: DestinationDirectory?

    init(installSection: String, operation: CopyFilesOperation, entry: CopyFileEntry, destination: DestinationDirectory?) {
        self.installSection = installSection
        self.operation = operation
        self.entry = entry
        self.destination = destination
    }
}

/// A registry line with the key HKR means for it.
public final class ContextualRegistryEntry: Sendable {
    public let entry: RegistryEntry
    public let context: RegistryContext
    /// The directive line that names the registry section.
    public let link: SectionLink

    init(entry: RegistryEntry, context: RegistryContext, link: SectionLink) {
        self.entry = entry
        self.context = context
        self.link = link
    }
}

extension RuleContext {
    /// The SourceDisksFiles entry of the file `name` on the first evaluated architecture that lists it.
    public func sourceDiskFile(named name: String) -> SourceDiskFile? {
        for architecture in architectures {
            if let file = document.sourceDiskFile(named: name, architecture: architecture) { return file }
        }
        return nil
    }

    /// Every file every install section copies, in file order of the install sections.
    func computeCopiedFiles() -> [CopiedFile] {
        let dirs = document.destinationDirs
        var result: [CopiedFile] = []
        var seen = Set<String>()
        for section in document.sections where graph.roles(of: section).contains(where: \.isInstall) {
            for operation in document.copyFiles(in: section) {
                let destination: DestinationDirectory?
                switch operation.target {
                case .file: destination = dirs.defaultDirectory
                case .section(let name): destination = dirs.destination(for: name)
                }
                for entry in operation.files {
                    let key = "\(section.name)|\(entry.line.syntaxIndex)|\(operation.reference.line.syntaxIndex)"
                    guard seen.insert(key).inserted else { continue }
                    result.append(CopiedFile(installSection: section.name, operation: operation, entry: entry, destination: destination))
                }
            }
        }
        return result
    }

    /// Every registry line reached through an AddReg, DelReg or BitReg directive, once per context.
    func computeRegistryEntries() -> [ContextualRegistryEntry] {
        // A section read once per operation and context.
        struct Reading: Hashable {
            let section: String
            let operation: RegistryOperation
            let context: RegistryContext
        }
        var result: [ContextualRegistryEntry] = []
        var seen = Set<Reading>()
        for link in graph.registryLinks {
            guard case .registry(let operation, let context) = link.role else { continue }
            guard seen.insert(Reading(section: CaseInsensitive.fold(link.to), operation: operation, context: context)).inserted else { continue }
            for entry in document.registryEntries(inSection: link.to, operation: operation) {
                result.append(ContextualRegistryEntry(entry: entry, context: context, link: link))
            }
        }
        return result
    }

    /// Where a path written as `%dirid%` + `rest` leads compared with where the INF copies the file it
    /// names: `nil` when the INF does not copy a file of that name, or copies it there (or somewhere
    /// without a known DIRID); otherwise the places it does copy it to, as `%N%\sub\name`, sorted.
    public func copiedElsewhere(dirid: Int, rest: String) -> [String]? {
        let name = fileName(of: rest)
        guard !name.isEmpty else { return nil }
        let copies = copiedFiles.filter { CaseInsensitive.equal($0.entry.destination, name) }
        guard !copies.isEmpty else { return nil }
        let architecture = architectures.first?.rawValue ?? "amd64"
        let table = packageTables[architecture] ?? DirectoryTable.native(infName: "package.inf", architecture: architecture)
        guard let base = table.path(for: dirid) else { return nil }
        let written = DirectoryTable.comparable(base + "\\" + rest)
        var shown = Set<String>()
        for copy in copies {
            guard let destination = copy.destination, let copyDirid = destination.dirid else { return nil }
            let folder = table.folder(dirid: copyDirid, subdirectory: destination.subdirectory)
            if written == DirectoryTable.comparable(folder + "\\" + copy.entry.destination) { return nil }
            let sub = destination.subdirectory.map { $0.isEmpty ? "" : "\\" + $0 } ?? ""
            shown.insert("%\(copyDirid)%\(sub)\\\(copy.entry.destination)")
        }
        return shown.sorted()
    }

    /// The file names (lowercased) this INF copies anywhere.
    public var copiedFileNames: Set<String> {
        Set(copiedFiles.map { $0.entry.destination.lowercased() })
    }

    /// The AddService lines of every `.Services` section, with their service-install sections.
    func computeServices() -> [(install: ServiceInstall, section: ServiceInstallSection?)] {
        var result: [(ServiceInstall, ServiceInstallSection?)] = []
        for section in document.sections where !section.directive(.addService).isEmpty {
            for service in document.services(in: section) {
                result.append((service, document.serviceInstallSection(of: service)))
            }
        }
        return result
    }

    /// The service names this INF adds, lowercased.
    public var addedServiceNames: Set<String> {
        Set(services.map { $0.install.name.lowercased() }.filter { !$0.isEmpty })
    }
}

/// The file name at the end of a path written with `\` (or `/`).
public func fileName(of path: String) -> String {
    let trimmed = path.trimmingCharacters(in: "\" ")
    let utf8 = trimmed.utf8
    if let index = utf8.lastIndex(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "/") }) {
        return String(trimmed[utf8.index(after: index)...])
    }
    return trimmed
}

extension String {
    /// The string with every `/` written as a backslash.
    public var withBackslashes: String {
        containsByte(0x2F) ? String(decoding: utf8.map { $0 == 0x2F ? 0x5C : $0 }, as: UTF8.self) : self
    }
}

/// The native directory table of a package INF on each architecture, built once.
private let packageTables: [String: DirectoryTable] = Dictionary(uniqueKeysWithValues: Architecture.allCases.map {
    ($0.rawValue, DirectoryTable.native(infName: "package.inf", architecture: $0.rawValue))
})
