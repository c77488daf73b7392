import INFModel

/// A reference from one section to another through a directive. Immutable, and a class so that the
/// graph's look-ups hand out references rather than copies of its texts.
public final class SectionLink: Sendable {
    /// The section that holds the directive.
    public let from: String
    /// The section named (as written; it may not exist).
    public let to: String
    /// The directive, e.g. `AddReg`.
    public let directive: String
    /// The line of the directive and the 1-based field that names the section.
    public let line: INFLine
    public let field: Int
    /// The role the target plays through this link.
    public let role: SectionRole

    init(from: String, to: String, directive: String, line: INFLine, field: Int, role: SectionRole) {
        self.from = from
        self.to = to
        self.directive = directive
        self.line = line
        self.field = field
        self.role = role
    }
}

/// How the sections of an INF use one another: which sections are install sections, file lists,
/// registry sections (and what HKR means in each), service and interface sections.
public struct SectionGraph: Sendable {
    /// Every directive link, in the order found.
    public let links: [SectionLink]
    /// Every section name and every name a directive gives, numbered (sections first, with the
    /// numbers the document gives them); the tables below are indexed by these numbers.
    private let names: NameInterner
    /// Each numbered name as first met.
    private let texts: [String]
    private let rolesByName: [Set<SectionRole>]
    private let linksByFrom: [[Int]]
    private let linksByTo: [[Int]]
    /// The number of each link's target.
    private let linkTargets: [Int]

    /// The suffixes a DDInstall section can carry.
    public static let installSuffixes = [
        "HW", "Services", "Interfaces", "CoInstallers", "Wdf", "Events", "Filters", "Software",
        "Components", "COM", "WMI", "FactDef", "LogConfigOverride",
    ]

    /// ``installSuffixes`` folded as section names compare, each after its dot.
    public static let dottedFoldedInstallSuffixes = installSuffixes.map { "." + CaseInsensitive.fold($0) }

    /// Builds the graph of `document`.
    public init(document: INFDocument) {
        var builder = Builder(document: document)
        builder.build()
        links = builder.links
        names = builder.names
        sections = document.sections
        texts = builder.texts
        rolesByName = builder.roles
        var byFrom = [[Int]](repeating: [], count: builder.texts.count)
        var byTo = [[Int]](repeating: [], count: builder.texts.count)
        for index in builder.links.indices {
            let ends = builder.linkEnds[index]
            byFrom[ends.from].append(index)
            byTo[ends.to].append(index)
        }
        linksByFrom = byFrom
        linksByTo = byTo
        linkTargets = builder.linkEnds.map(\.to)
    }

    /// How many names the graph numbers: the document's sections (numbered as the document numbers
    /// them) and then every other name a directive gives.
    public var nameCount: Int { texts.count }

    /// The graph's number of `name`, if the file has a section or a directive value of that name.
    public func number(of name: String) -> Int? { names.id(of: name).map(Int.init) }

    /// The numbers of the names the links from name number `number` give, in link order.
    public func targets(fromNumber number: Int) -> [Int] { linksByFrom[number].map { linkTargets[$0] } }

    /// The document's sections, whose numbers are their indices.
    private let sections: [INFSection]

    /// The number of `section`: its index when it is one of the document's sections, else its name's.
    private func number(of section: INFSection) -> Int? {
        let number = section.number
        return number < sections.count && sections[number] === section ? number : self.number(of: section.name)
    }

    private func links(fromNumber number: Int?) -> [SectionLink] { number.map { linksByFrom[$0].map { links[$0] } } ?? [] }
    private func links(toNumber number: Int?) -> [SectionLink] { number.map { linksByTo[$0].map { links[$0] } } ?? [] }
    private func roles(ofNumber number: Int?) -> Set<SectionRole> { number.map { rolesByName[$0] } ?? [] }

    /// The links whose directive is in `section`.
    public func links(from section: INFSection) -> [SectionLink] { links(fromNumber: number(of: section)) }

    /// The links whose directive is in the section `name`.
    public func links(from name: String) -> [SectionLink] { links(fromNumber: number(of: name)) }

    /// The links that name `section`.
    public func links(to section: INFSection) -> [SectionLink] { links(toNumber: number(of: section)) }

    /// The links that name the section `name`.
    public func links(to name: String) -> [SectionLink] { links(toNumber: number(of: name)) }

    /// The roles of `section`.
    public func roles(of section: INFSection) -> Set<SectionRole> { roles(ofNumber: number(of: section)) }

    /// The roles of the section `name`.
    public func roles(of name: String) -> Set<SectionRole> { roles(ofNumber: number(of: name)) }

    /// Whether anything names `section` or it is an install entry point.
    public func isUsed(_ section: INFSection) -> Bool { !roles(of: section).isEmpty }

    /// Whether anything names the section `name` or it is an install entry point.
    public func isUsed(_ name: String) -> Bool { !roles(of: name).isEmpty }

    /// The links whose role is a registry section, one per (section, context) pair in file order.
    public var registryLinks: [SectionLink] {
        links.filter { if case .registry = $0.role { return true } else { return false } }
    }

    /// The names of every section with one of the install roles (DDInstall, suffix, DefaultInstall,
    /// ClassInstall32, service and interface install sections).
    public var installSectionNames: [String] {
        sectionNames { $0.contains(where: \.isInstall) }
    }

    /// The names (folded) of the DefaultInstall sections and their platform variants, sorted.
    public var defaultInstallSectionNames: [String] {
        sectionNames { $0.contains(.defaultInstall) }
    }

    /// The folded names, sorted and each once, of the sections whose roles satisfy `holds`.
    private func sectionNames(where holds: (Set<SectionRole>) -> Bool) -> [String] {
        var seen = Set<String>()
        var names: [String] = []
        // Only the sections that qualify are folded and sorted.
        let folded = zip(texts, rolesByName).filter { holds($0.1) }.map { CaseInsensitive.fold($0.0) }
        for name in folded.sorted() where seen.insert(name).inserted {
            names.append(name)
        }
        return names
    }
}

extension SectionRole {
    /// Whether the role makes the section one that holds install directives.
    public var isInstall: Bool {
        switch self {
        case .deviceInstall, .installSuffix, .defaultInstall, .classInstall, .serviceInstall, .eventLogInstall,
             .interfaceInstall, .unreachedInstall:
            return true
        default:
            return false
        }
    }
}

private struct Builder {
    let document: INFDocument
    var links: [SectionLink] = []
    /// Names numbered: the document's sections first, then directive values as met.
    var names: NameInterner
    var texts: [String]
    var roles: [Set<SectionRole>]
    var visited: [Bool]
    /// The numbers of each link's section and target.
    var linkEnds: [(from: Int, to: Int)] = []
    /// The directives of `tableDirectives` some line of the file has, with their key numbers.
    let presentTableDirectives: [(DirectiveInfo, Int32)]
    /// The key numbers of the install markers some line of the file has.
    let presentInstallMarkers: [Int32]

    init(document: INFDocument) {
        self.document = document
        names = document.sectionNames
        texts = document.sections.map(\.name)
        roles = Array(repeating: [], count: document.sections.count)
        visited = Array(repeating: false, count: document.sections.count)
        presentTableDirectives = Builder.tableDirectives.compactMap { info, key in document.keyNames.id(of: key).map { (info, $0) } }
        presentInstallMarkers = DirectiveTable.installMarkers.compactMap { document.keyNames.id(of: $0) }
    }

    /// Records `link` from `section`, giving its target the link's role.
    mutating func record(_ link: SectionLink, from section: INFSection) {
        links.append(link)
        linkEnds.append((section.number, add(link.role, to: link.to)))
    }

    /// Gives the section `name` `role`; returns the name's number.
    @discardableResult
    mutating func add(_ role: SectionRole, to name: String) -> Int {
        let number = Int(names.intern(name))
        if number == texts.count {
            texts.append(name)
            roles.append([])
        }
        roles[number].insert(role)
        return number
    }

    mutating func build() {
        var deviceInstallBases: [String] = []
        for entry in document.manufacturers {
            var modelsNames = [entry.modelsSection]
            modelsNames += entry.decorations.map { "\(entry.modelsSection).\($0.text)" }
            for name in modelsNames where document.hasSection(name) {
                add(.models, to: name)
                for model in document.models(in: name) { deviceInstallBases.append(model.installSection) }
            }
        }
        // Every platform variant of a DDInstall base is a device install section.
        var bases = NameInterner()
        for base in deviceInstallBases { _ = bases.intern(base) }
        for section in document.sections {
            let name = section.name
            let folded = section.foldedName
            if Self.isVariant(name, folded: folded, ofAnyOf: bases) {
                add(.deviceInstall, to: name)
            }
            if Self.isVariant(name, folded: folded, ofFolded: "defaultinstall")
                || Self.isVariant(name, folded: folded, ofFolded: "defaultuninstall") {
                add(.defaultInstall, to: name)
            }
            if Self.isVariant(name, folded: folded, ofFolded: "classinstall32") { add(.classInstall, to: name) }
        }
        // Suffix sections of every install entry.
        let entryBases = document.sections.filter { section in
            let roles = roles[section.number]
            return roles.contains(.deviceInstall) || roles.contains(.defaultInstall) || roles.contains(.classInstall)
        }
        for base in entryBases {
            for (suffix, section) in document.sections(named: base.name, suffixes: SectionGraph.installSuffixes) {
                add(.installSuffix(suffix), to: section.name)
            }
        }
        let entries = document.sections.filter { section in roles[section.number].contains(where: \.isInstall) }
        for section in entries { follow(section) }
        // Sections with install directives that nothing reached are still checked.
        for section in document.sections where roles[section.number].isEmpty {
            guard presentInstallMarkers.contains(where: section.hasKey(id:)) else { continue }
            add(.unreachedInstall, to: section.name)
            for (suffix, dotted) in zip(SectionGraph.installSuffixes, SectionGraph.dottedFoldedInstallSuffixes)
            where section.foldedName.hasSuffix(dotted) {
                add(.installSuffix(suffix), to: section.name)
            }
            follow(section)
        }
    }

    /// The directives `linkOne` links with roles of their own; every other directive of the table
    /// that names sections is linked as a directive target.
    static let directivesWithRoles: Set<String> = ["copyfiles", "delfiles", "renfiles", "addreg", "delreg", "bitreg", "addservice", "addinterface"]

    /// The directives of the table that `linkOne` links as directive targets, with their keys.
    static let tableDirectives: [(DirectiveInfo, CaseInsensitiveKey)] = DirectiveTable.directives
        .filter { !directivesWithRoles.contains(CaseInsensitive.fold($0.name)) }
        .map { ($0, CaseInsensitiveKey($0.name)) }

    /// Whether `name` (folded: `folded`) is one of the folded `bases` or `base.<decoration>` for one
    /// of them: one look-up per dot of the name, however many bases there are.
    static func isVariant(_ name: String, folded: String, ofAnyOf bases: NameInterner) -> Bool {
        if bases.id(of: name) != nil { return true }
        // In an ASCII name, the offsets of the dots followed by `NT` (any case): a decoration starts
        // only there, and the folded name has the same dots at the same places.
        let dots = name.utf8.withContiguousStorageIfAvailable { bytes -> [Int]? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var found: [Int] = []
            var index = 0
            while index + 2 < bytes.count {
                if bytes[index] == UInt8(ascii: "."), bytes[index + 1] | 0x20 == UInt8(ascii: "n"), bytes[index + 2] | 0x20 == UInt8(ascii: "t") {
                    found.append(index)
                }
                index += 1
            }
            return found
        }
        if let dots, let dots {
            let utf8 = name.utf8
            for offset in dots {
                let dot = utf8.index(utf8.startIndex, offsetBy: offset)
                if bases.id(of: name[..<dot]) != nil, PlatformDecoration(parsing: String(name[utf8.index(after: dot)...])) != nil { return true }
            }
            return false
        }
        for dot in folded.indices where folded[dot] == "." && bases.id(of: String(folded[..<dot])) != nil {
            let offset = folded.distance(from: folded.startIndex, to: dot)
            if PlatformDecoration(parsing: String(name.dropFirst(offset + 1))) != nil { return true }
        }
        return false
    }

    /// Whether `name` (folded: `folded`) is `base` (folded) or `base.<decoration>` (a platform
    /// decoration, optionally with OS version).
    static func isVariant(_ name: String, folded: String, ofFolded base: String) -> Bool {
        guard folded.utf8.starts(with: base.utf8) else { return false }
        let rest = folded.utf8.dropFirst(base.utf8.count)
        guard let dot = rest.first else { return true }
        guard dot == UInt8(ascii: ".") else { return false }
        return PlatformDecoration(parsing: String(name.dropFirst(base.count + 1))) != nil
    }

    func context(of section: INFSection) -> RegistryContext {
        let roleSet = roles[section.number]
        // A section can hold several of these roles (two AddService lines name it, or an AddService
        // and an AddInterface line): the one chosen must not follow the set's order, which changes
        // from run to run. A service comes first, then an event log, an interface and the hardware
        // key, and among several of a kind the first by name.
        var chosen: (rank: Int, name: String, context: RegistryContext)?
        for role in roleSet {
            let candidate: (rank: Int, name: String, context: RegistryContext)
            switch role {
            case .serviceInstall(let service): candidate = (0, service, .serviceKey(service))
            case .eventLogInstall(let service): candidate = (1, service, .eventLogKey(service))
            case .interfaceInstall(let guid): candidate = (2, guid, .interfaceKey(guid))
            case .installSuffix("HW"): candidate = (3, "", .deviceHardwareKey)
            default: continue
            }
            if chosen.map({ (candidate.rank, candidate.name) < ($0.rank, $0.name) }) ?? true { chosen = candidate }
        }
        if let chosen { return chosen.context }
        if roleSet.contains(.defaultInstall) { return .noRelativeKey }
        if roleSet.contains(.classInstall) { return .classKey }
        if roleSet.contains(.deviceInstall) || roleSet.contains(.installSuffix("CoInstallers")) { return .deviceSoftwareKey }
        if roleSet.contains(.unreachedInstall) {
            let folded = section.foldedName
            return folded.containsBytes("defaultinstall") || folded.containsBytes("defaultuninstall") ? .noRelativeKey : .deviceSoftwareKey
        }
        return .unknown
    }

    mutating func link(_ section: INFSection, _ directive: String, id: Int32, field: Int = 0, role: (String) -> SectionRole) {
        let isFileList = directive.caseInsensitiveCompare("CopyFiles") || directive.caseInsensitiveCompare("DelFiles")
        for line in section.lines(withKeyID: id) {
            let targets: [(String, Int)] = field == 0
                ? line.fields.enumerated().compactMap { $0.element.isEmpty ? nil : ($0.element, $0.offset + 1) }
                : line.field(field).flatMap { $0.isEmpty ? nil : [($0, field)] } ?? []
            for (target, index) in targets {
                if isFileList && target.hasPrefix("@") { continue }
                record(SectionLink(from: section.name, to: target, directive: directive, line: line, field: index, role: role(target)),
                       from: section)
            }
        }
    }

    /// Links `section` and everything it reaches, depth first (the order of the links is the order
    /// of a recursive walk), with an explicit stack: a chain of any length neither overflows the
    /// stack nor costs more than once per section.
    mutating func follow(_ section: INFSection) {
        var pending = [section]
        while let next = pending.popLast() {
            guard !visited[next.number] else { continue }
            visited[next.number] = true
            let reached = linkOne(next)
            pending.append(contentsOf: reached.reversed())
        }
    }

    /// Adds the links of one section; returns the sections to follow from it, in order.
    mutating func linkOne(_ section: INFSection) -> [INFSection] {
        let start = links.count
        let context = context(of: section)
        link(section, "CopyFiles", id: KeyName.copyFiles.id) { _ in .copyFiles }
        link(section, "DelFiles", id: KeyName.delFiles.id) { _ in .fileList }
        link(section, "RenFiles", id: KeyName.renFiles.id) { _ in .fileList }
        for operation in [RegistryOperation.addReg, .delReg, .bitReg] {
            link(section, operation.rawValue, id: KeyName.of(operation).id) { _ in .registry(operation, context) }
        }
        for line in section.directive(.addService) {
            let service = line.field(1) ?? ""
            if let install = line.field(3), !install.isEmpty {
                record(SectionLink(from: section.name, to: install, directive: "AddService", line: line, field: 3, role: .serviceInstall(service: service)),
                       from: section)
            }
            if let eventLog = line.field(4), !eventLog.isEmpty {
                record(SectionLink(from: section.name, to: eventLog, directive: "AddService", line: line, field: 4, role: .eventLogInstall(service: service)),
                       from: section)
            }
        }
        for line in section.directive(.addInterface) {
            let guid = line.field(1) ?? ""
            if let install = line.field(3), !install.isEmpty {
                record(SectionLink(from: section.name, to: install, directive: "AddInterface", line: line, field: 3, role: .interfaceInstall(guid: guid)),
                       from: section)
            }
        }
        for (info, id) in presentTableDirectives where section.hasKey(id: id) {
            let directive = info.name
            switch info.sectionFields {
            case .none: continue
            case .all: link(section, directive, id: id, field: 0) { _ in .directiveTarget(directive) }
            case .fields(let fields):
                for field in fields { link(section, directive, id: id, field: field) { _ in .directiveTarget(directive) } }
            }
        }
        // The links just added are this section's own (sections are merged by name, and each is
        // linked once).
        let own = links[start...]
        var next: [INFSection] = []
        // Follow what these links reached that can hold install directives themselves.
        for link in own where link.role.isInstall {
            if let target = document.section(named: link.to) { next.append(target) }
        }
        // .Wdf service sections and other directive targets may hold AddReg too.
        for link in own {
            if case .directiveTarget(let d) = link.role, DirectiveTable.info(d)?.namedSectionsHoldDirectives == true,
               let target = document.section(named: link.to) {
                next.append(target)
            }
        }
        return next
    }
}

private extension String {
    func caseInsensitiveCompare(_ other: String) -> Bool { CaseInsensitive.equal(self, other) }
}
