import INFModel

/// Where everything an INF installs lands on a real system, for one device, architecture and
/// Windows version: every file with its source and its destination folder, every registry line as
/// the absolute key it writes, and every service.
public struct InstallPlan: Sendable {
    /// A file copied by a CopyFiles directive.
    public struct File: Sendable {
        /// The name the file gets at its destination.
        public let name: String
        /// The path of the source file in the package folder (`\` separated), from SourceDisksNames
        /// and SourceDisksFiles.
        public let source: String
        /// The destination DIRID, when known.
        public let dirid: Int?
        /// The destination folder on a Windows installed in `C:\Windows`.
        public let folder: String
        /// The CopyFiles entry that copies it.
        public let line: INFLine
        /// The DestinationDirs entry (or DefaultDestDir) that gives the destination, if any.
        public let destinationLine: INFLine?
    }

    /// A registry line, with the absolute key it writes.
    public struct RegistryValue: Sendable {
        public let operation: RegistryOperation
        /// The absolute key (`HKLM\SYSTEM\…`), or a description when HKR has no key in its context.
        public let key: String
        /// The value name; `nil` for a key-only line, empty for the default value.
        public let valueName: String?
        public let type: RegistryValueType
        /// The data after substitution.
        public let data: [String]
        /// What HKR means in the section that holds the line.
        public let context: RegistryContext
        public let line: INFLine
    }

    /// A service added by AddService.
    public struct Service: Sendable {
        public let name: String
        /// The ServiceBinary as written and resolved to a folder.
        public let binary: String?
        public let resolvedBinary: String?
        public let serviceType: UInt32?
        public let startType: UInt32?
        public let line: INFLine
        /// The ServiceBinary line, if any.
        public let binaryLine: INFLine?
    }

    /// A device a Models entry installs, with what its install sections do.
    public struct Device: Sendable {
        public let description: String
        public let hardwareIDs: [String]
        public let modelsSection: String
        public let installSection: String
        public let line: INFLine
        public let files: [File]
        public let registry: [RegistryValue]
        public let services: [Service]
        /// The Include and Needs directives of the install sections: what other INFs' sections run too.
        public let inclusions: [Inclusion]
        /// The filters the device's `.Filters` section declares with AddFilter.
        public let filters: [Filter]
    }

    /// The Include and Needs directives of one install section.
    public struct Inclusion: Sendable {
        /// The section that holds them.
        public let section: String
        /// The INF files Include names.
        public let include: [String]
        /// The sections Needs names, which run as part of this one.
        public let needs: [String]
        /// The first of the lines.
        public let line: INFLine
    }

    /// A filter declared by AddFilter in a DDInstall.Filters section.
    public struct Filter: Sendable {
        /// The filter's service name.
        public let name: String
        /// The filter-install section, when it exists.
        public let section: String?
        /// `Upper` or `Lower` (FilterPosition), when the section says.
        public let position: String?
        /// The level name (FilterLevel), when the section says.
        public let level: String?
        public let line: INFLine
    }

    /// The target evaluated.
    public let target: TargetPlatform
    /// The devices, in Models order; a primitive INF's DefaultInstall appears as one entry without IDs.
    public let devices: [Device]
    /// The folder DIRID 13 means for this INF.
    public let driverStore: String

    /// The plan of `document` on `target`; `infName` names the INF as it is published (`x.inf`);
    /// `graph` is the document's section graph when the caller has built it already.
    public init(document: INFDocument, target: TargetPlatform, infName: String, graph: SectionGraph? = nil) {
        let table = DirectoryTable.native(infName: infName, architecture: target.architecture.rawValue)
        self.target = target
        self.driverStore = table.path(for: 13) ?? ""
        let graph = graph ?? SectionGraph(document: document)
        var devices: [Device] = []
        var entries: [(description: String, ids: [String], models: String, install: String, line: INFLine)] = []
        for reach in document.deviceInstalls(architectures: [target.architecture], version: target.version) {
            entries.append((reach.model.description, reach.model.hardwareIDs, reach.range.sectionName, reach.installSection, reach.model.line))
        }
        if entries.isEmpty {
            for section in document.sections where graph.roles(of: section).contains(.defaultInstall) {
                let folded = section.foldedName
                guard folded.hasPrefix("defaultinstall"), !folded.hasSuffix(".services"),
                      CaseInsensitive.equal(document.actualInstallSection("DefaultInstall", architecture: target.architecture), section.name),
                      let first = section.lines.first else { continue }
                entries.append(("DefaultInstall", [], "", section.name, first))
            }
        }
        for entry in entries {
            let planner = Planner(document: document, graph: graph, table: table, target: target)
            devices.append(planner.device(description: entry.description, ids: entry.ids, models: entry.models,
                                          install: entry.install, line: entry.line))
        }
        self.devices = devices
    }
}

private struct Planner {
    let document: INFDocument
    let graph: SectionGraph
    let table: DirectoryTable
    let target: TargetPlatform

    func device(description: String, ids: [String], models: String, install: String, line: INFLine) -> InstallPlan.Device {
        let sections = [install] + SectionGraph.installSuffixes.map { "\(install).\($0)" }
        var files: [InstallPlan.File] = []
        var registry: [InstallPlan.RegistryValue] = []
        var services: [InstallPlan.Service] = []
        var inclusions: [InstallPlan.Inclusion] = []
        var filters: [InstallPlan.Filter] = []
        let dirs = document.destinationDirs
        for name in sections {
            guard let section = document.section(named: name) else { continue }
            let includeLines = Array(section.lines(withKey: "Include")), needsLines = Array(section.lines(withKey: "Needs"))
            if let first = (includeLines + needsLines).min(by: { $0.lineNumber < $1.lineNumber }) {
                let values = { (lines: [INFLine]) in lines.flatMap(\.fields).map { $0.trimmingBackslashes() }.filter { !$0.isEmpty } }
                inclusions.append(InstallPlan.Inclusion(section: section.name, include: values(includeLines), needs: values(needsLines), line: first))
            }
            for line in section.lines(withKey: "AddFilter") {
                guard let filter = line.field(1), !filter.isEmpty else { continue }
                let install = line.field(3).flatMap { document.section(named: $0) }
                filters.append(InstallPlan.Filter(
                    name: filter, section: install?.name, position: install?.firstLine(withKey: .filterPosition)?.field(1),
                    level: install?.firstLine(withKey: .filterLevel)?.field(1), line: line))
            }
            for operation in document.copyFiles(in: section) {
                let destination: DestinationDirectory?
                switch operation.target {
                case .file: destination = dirs.defaultDirectory
                case .section(let list): destination = dirs.destination(for: list)
                }
                for entry in operation.files {
                    files.append(file(entry, destination: destination))
                }
            }
            let context = registryContext(of: name)
            registry += values(in: section, context: context)
            for service in document.services(in: section) where !service.name.isEmpty {
                let install = document.serviceInstallSection(of: service)
                let binary = install?.serviceBinaryRaw
                services.append(InstallPlan.Service(
                    name: service.name, binary: binary, resolvedBinary: binary.map(resolve),
                    serviceType: install?.serviceType, startType: install?.startType, line: service.line,
                    binaryLine: install?.serviceBinaryLine))
                if let section = install?.section { registry += values(in: section, context: .serviceKey(service.name)) }
            }
            // UMDF drivers run in a host process as a service of their own, named in .Wdf.
            for line in section.directive(.umdfService) {
                guard let service = line.field(1), let wdf = line.field(2).flatMap({ document.section(named: $0) }) else { continue }
                let binaryLine = wdf.firstLine(withKey: .serviceBinary)
                let binary = binaryLine?.rawFields.first
                services.append(InstallPlan.Service(name: service, binary: binary, resolvedBinary: binary.map(resolve),
                                                    serviceType: nil, startType: nil, line: line, binaryLine: binaryLine))
            }
            for interface in document.interfaces(in: section) {
                if let name = interface.installSection, let section = document.section(named: name) {
                    registry += values(in: section, context: .interfaceKey(interface.classGuid))
                }
            }
        }
        return InstallPlan.Device(description: description, hardwareIDs: ids, modelsSection: models, installSection: install,
                                  line: line, files: files, registry: registry, services: services,
                                  inclusions: inclusions, filters: filters)
    }

    func registryContext(of section: String) -> RegistryContext {
        let folded = CaseInsensitive.fold(section)
        if folded.hasSuffix(".hw") { return .deviceHardwareKey }
        if graph.roles(of: section).contains(.defaultInstall) { return .noRelativeKey }
        return .deviceSoftwareKey
    }

    func values(in section: INFSection, context: RegistryContext) -> [InstallPlan.RegistryValue] {
        var result: [InstallPlan.RegistryValue] = []
        for operation in [RegistryOperation.addReg, .delReg, .bitReg] {
            for reference in document.references(operation.rawValue, in: section) {
                for entry in document.registryEntries(inSection: reference.name, operation: operation) where !entry.isIgnoredByAddReg {
                    result.append(InstallPlan.RegistryValue(
                        operation: operation, key: absoluteKey(entry, context: context), valueName: entry.isKeyOnly ? nil : entry.valueName,
                        type: entry.valueType, data: entry.data.map(resolve), context: context, line: entry.line))
                }
            }
        }
        return result
    }

    func file(_ entry: CopyFileEntry, destination: DestinationDirectory?) -> InstallPlan.File {
        let source = document.sourceDiskFile(named: entry.sourceName, architecture: target.architecture)
        let disk = document.sourceDisks(for: target.architecture).first { CaseInsensitive.equal($0.id, source?.diskID ?? "") }
        let sourcePath = [disk?.path, source?.subdirectory, entry.sourceName].compactMap { $0 }
            .map { $0.trimmingBackslashes() }.filter { !$0.isEmpty }.joined(separator: "\\")
        var folder = destination?.dirid.flatMap { table.path(for: $0) } ?? "(no DestinationDirs entry)"
        if let sub = destination?.subdirectory, !sub.isEmpty { folder += "\\" + sub.trimmingBackslashes() }
        return InstallPlan.File(name: entry.destination, source: sourcePath, dirid: destination?.dirid, folder: folder, line: entry.line,
                                destinationLine: destination?.line)
    }

    /// The text with `%N%` DIRIDs resolved to this system's folders.
    func resolve(_ text: String) -> String {
        var result = ""
        for piece in document.substituter.pieces(text) {
            switch piece {
            case .text(let s): result += s
            case .dirid(let n): result += table.path(for: n) ?? "%\(n)%"
            }
        }
        return result.replacingOccurrences(of: "\\\\", with: "\\")
    }

    func absoluteKey(_ entry: RegistryEntry, context: RegistryContext) -> String {
        let sub = entry.subkey.isEmpty ? "" : "\\" + entry.subkey.trimmingBackslashes()
        switch entry.root {
        case .relative:
            let classGuid = document.version.classGuid ?? "{ClassGuid}"
            switch context {
            case .deviceSoftwareKey: return #"HKLM\SYSTEM\CurrentControlSet\Control\Class\"# + classGuid + #"\<NNNN>"# + sub
            case .deviceHardwareKey: return #"HKLM\SYSTEM\CurrentControlSet\Enum\<device instance>\Device Parameters"# + sub
            case .serviceKey(let name): return #"HKLM\SYSTEM\CurrentControlSet\Services\"# + name + sub
            case .eventLogKey(let name): return #"HKLM\SYSTEM\CurrentControlSet\Services\EventLog\<log>\"# + name + sub
            case .interfaceKey(let guid): return #"HKLM\SYSTEM\CurrentControlSet\Control\DeviceClasses\"# + guid + #"\<interface instance>\Device Parameters"# + sub
            case .classKey: return #"HKLM\SYSTEM\CurrentControlSet\Control\Class\"# + classGuid + sub
            case .noRelativeKey, .unknown: return "HKR (no key in this context)" + sub
            }
        case .classesRoot: return #"HKLM\SOFTWARE\Classes"# + sub
        default: return entry.root.shortName + sub
        }
    }
}

extension String {
    func trimmingBackslashes() -> String {
        var s = Substring(self)
        while s.first == "\\" || s.first == " " { s.removeFirst() }
        while s.last == "\\" || s.last == " " { s.removeLast() }
        return String(s)
    }
}
