import DriverPackage
import Findings
import INFModel
import INFSyntax

/// What a rule sees: the file's model, its section graph, the package around it, and the target.
public struct RuleContext: Sendable {
    public let document: INFDocument
    public let graph: SectionGraph
    /// The files of the package folder, when the INF was checked as part of a folder.
    public let package: PackageContents?
    /// The architectures evaluated.
    public let architectures: [Architecture]
    /// The one Windows version evaluated (`--os`), or `nil` for every range the Models sections select.
    public let targetVersion: WindowsVersion?
    /// Every file every install section copies, in file order of the install sections.
    public private(set) var copiedFiles: [CopiedFile] = []
    /// Every registry line reached through an AddReg, DelReg or BitReg directive, once per context.
    public private(set) var registryEntries: [ContextualRegistryEntry] = []
    /// `registryEntries` with each line once (the first context that reaches it).
    public private(set) var uniqueRegistryEntries: [ContextualRegistryEntry] = []
    /// The AddService lines of every `.Services` section, with their service-install sections.
    public private(set) var services: [(install: ServiceInstall, section: ServiceInstallSection?)] = []
    /// The DDInstall sections the Models entries install on the evaluated targets.
    public private(set) var deviceInstalls: [DeviceInstallReach] = []
    /// The DDInstall sections the Models entries install on the evaluated architectures, on every
    /// Windows version whatever `--os` selects.
    public let deviceInstallsOnEveryVersion: [DeviceInstallReach]
    /// Whether the package folder holds at least one file the INF lists in SourceDisksFiles: a built
    /// package, whose binaries are checked. False when the INF is checked without its folder.
    public let isBuiltPackage: Bool
    /// Which installs (architecture and Models range, over every architecture the file declares) reach
    /// each section.
    public let installScopes: InstallScopes
    /// The sections whose lines are directives, each with the kinds of section it is (computed once:
    /// the argument rules all read it).
    public private(set) var directiveSections: [(section: INFSection, kinds: Set<DirectiveSectionKind>)] = []
    /// The lines of those sections whose directive has a known argument schema, with the schema.
    public private(set) var directiveLines: [(section: INFSection, line: INFLine, schema: DirectiveSchema)] = []
    /// The mode the file is checked in, for rules whose InfVerif code differs between modes.
    public let mode: Mode
    /// The provider every INF must name (`--provider`), if one was given.
    public let expectedProvider: String?
    /// What rules computed for this file and share (``shared(_:_:)``).
    let memo = RuleContextMemo()
    /// What the other rules did with the file's suppression comments: set for the rules that read
    /// other findings (``Rule/readsOtherFindings``), which run last; `nil` for every other rule.
    public internal(set) var suppressionAudit: SuppressionAudit?

    public init(document: INFDocument, package: PackageContents?, architectures: [Architecture]?, targetVersion: WindowsVersion?,
                mode: Mode = .isolation, expectedProvider: String? = nil) {
        self.mode = mode
        self.expectedProvider = expectedProvider
        self.document = document
        self.graph = SectionGraph(document: document)
        self.package = package
        let declared = document.declaredArchitectures
        let fileArchitectures = declared.isEmpty ? [Architecture.amd64] : declared
        self.architectures = architectures ?? fileArchitectures
        self.targetVersion = targetVersion
        // Computed once here: every rule reads them.
        let fileInstalls = document.deviceInstalls(architectures: fileArchitectures)
        self.installScopes = InstallScopes(document: document, graph: graph, deviceInstalls: fileInstalls)
        self.deviceInstallsOnEveryVersion = architectures == nil ? fileInstalls : document.deviceInstalls(architectures: self.architectures)
        self.deviceInstalls = targetVersion == nil
            ? deviceInstallsOnEveryVersion : document.deviceInstalls(architectures: self.architectures, version: targetVersion)
        let evaluated = self.architectures
        self.isBuiltPackage = package.map { document.isBuilt(in: $0, architectures: evaluated) } ?? false
        self.copiedFiles = computeCopiedFiles()
        self.registryEntries = computeRegistryEntries()
        var seen = Set<Int>()
        self.uniqueRegistryEntries = registryEntries.filter { seen.insert($0.entry.line.syntaxIndex).inserted }
        self.services = computeServices()
        self.directiveSections = computeDirectiveSections()
        self.directiveLines = computeDirectiveLines()
    }

    public var tree: SyntaxTree { document.tree }

    /// The code units of the whole logical line (without its line end), for a finding on a line.
    public func range(of line: INFLine) -> Range<Int> {
        let syntax = tree.lines[line.syntaxIndex]
        let units = tree.source.text.units
        var end = syntax.range.upperBound
        while end > syntax.range.lowerBound, units[end - 1] == 0x0A || units[end - 1] == 0x0D { end -= 1 }
        var start = syntax.range.lowerBound
        while start < end, units[start] == 0x20 || units[start] == 0x09 { start += 1 }
        return start..<end
    }

    /// The code units of field `index` (1-based; 0 for the key) of `line`, or the line when absent.
    public func range(of line: INFLine, field index: Int) -> Range<Int> {
        guard let token = document.token(of: line, field: index) else { return range(of: line) }
        return token.range
    }

    /// The code units of a section's first header.
    public func headerRange(of section: INFSection) -> Range<Int>? {
        section.headers.first.map { tree.sections[$0].header.range }
    }

    /// The code units of the whole logical line holding `line`, with its line end: for deleting it.
    public func fullLineRange(of line: INFLine) -> Range<Int> { tree.lines[line.syntaxIndex].range }
}

extension RuleContext {
    /// The package binaries this INF installs, in path order, each with the lines that install it.
    public var installedBinaries: [(binary: PackageBinary, sites: [BinaryInstallSite])] {
        guard let package else { return [] }
        let installs = document.packageFileInstalls(in: package, graph: graph, architectures: architectures)
            .filter { PackageBinary.isBinary($0.relativePath) }
        guard !installs.isEmpty else { return [] }
        let reach = installReach
        var byPath: [String: [BinaryInstallSite]] = [:]
        for install in installs {
            let section = CaseInsensitive.fold(install.installSection)
            let reached = reach[section].flatMap { $0[install.architecture] }
            let lowest = reached.map { targetVersion ?? $0.lowest } ?? (graph.roles(of: section).contains(.defaultInstall)
                ? targetVersion ?? WindowsVersion(major: 0, minor: 0) : nil)
            let site = BinaryInstallSite(install: install, range: range(of: install.entry.line, field: 1),
                                         lowestVersion: lowest, modelsRange: reached,
                                         modelsLine: reached.map { range(of: $0.manufacturer.line) })
            byPath[install.relativePath, default: []].append(site)
        }
        return byPath.keys.sorted().map { path in
            (PackageBinary(root: package.root, relativePath: path), byPath[path] ?? [])
        }
    }

    /// For each install section (folded name) that a Models range reaches, directly or as one of its
    /// suffix sections, the range with the lowest version on each architecture.
    private var installReach: [String: [Architecture: ModelsRange]] {
        var result: [String: [Architecture: ModelsRange]] = [:]
        for reach in deviceInstalls {
            let base = CaseInsensitive.fold(reach.installSection)
            for name in [base] + SectionGraph.dottedFoldedInstallSuffixes.map({ base + $0 }) {
                if let known = result[name]?[reach.range.architecture], known.lowest <= reach.range.lowest { continue }
                result[name, default: [:]][reach.range.architecture] = reach.range
            }
        }
        return result
    }
}
