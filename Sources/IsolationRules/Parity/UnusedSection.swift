import DriverPackage
import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge

/// A section that no directive, Models entry or entry point names.
public struct UnusedSection: Rule {
    public static let description = RuleDescription(
        name: "unused-section", codes: [2083],
        title: "A section is not referenced or used",
        why: "SetupAPI never reads a section nothing names, so what it holds is not installed; often a directive names the section with a typo, or a suffix section carries the wrong decoration.",
        fix: "Name the section from the directive that should use it (check the spelling and the platform decoration), or delete it.",
        levels: levels("W W W W"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Models, NTamd64
        [Models.NTamd64]
        %Desc% = Install, PCI\\VEN_1234
        ↓[Models.NTx86]
        %Desc% = Install, PCI\\VEN_1234
        [Install.NTamd64]
        CopyFiles = Files
        ↓[Install.Services]
        AddService = Contoso, 2, Service
        [Files]
        drv.sys
        ↓[Old_Reg]
        HKR,,A,,B
        [Strings]
        Mfg = "Contoso"
        Desc = "Contoso device"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [SourceDisksNames.amd64]
        1 = %Disk%
        [SourceDisksFiles.amd64]
        drv.sys = 1
        [DestinationDirs]
        DefaultDestDir = 13
        [ControlFlags]
        ExcludeFromSelect = *
        [Manufacturer]
        %Mfg% = Models, NTamd64
        [Models]
        %Desc% = Install, PCI\\VEN_1234
        [Models.NTamd64]
        %Desc% = Install, PCI\\VEN_1234
        [Install.NT]
        CopyFiles = Files
        AddReg = Reg
        Include = wudfrd.inf
        Needs = WUDFRD.NT, Common_Install
        [Install.NT.Services]
        AddService = Contoso, 2, Service, EventLog
        [Common_Install]
        AddReg = Common_Reg
        [Common_Reg]
        HKR,,B,,C
        [Service]
        ServiceBinary = %13%\\drv.sys
        AddTrigger = Service_Trigger
        [Service_Trigger]
        TriggerType = 1
        [EventLog]
        AddReg = EventLog_Reg
        [EventLog_Reg]
        HKR,,TypesSupported,0x00010001,7
        [Files]
        drv.sys
        [Files.security]
        "D:P(A;;GA;;;SY)"
        [Reg]
        HKR,,A,,B
        [InterfaceInstall32]
        {6bdd1fc6-810f-11d0-bec7-08002be2092f} = Interface_Install
        [Interface_Install]
        AddReg = Reg
        [DefaultInstall.NTamd64]
        CopyFiles = Files
        [Strings]
        Mfg = "Contoso"
        Desc = "Contoso device"
        Disk = "Disk"
        [Strings.0407]
        Mfg = "Contoso"
        """),
    ]

    /// Sections SetupAPI or a Windows component reads by their fixed name.
    static let fixedNames: Set<String> = [
        "version", "strings", "sourcedisksnames", "sourcedisksfiles", "destinationdirs", "manufacturer", "controlflags",
        "signatureattributes", "classinstall32", "interfaceinstall32", "deviceinstall32",
        // Read by the print subsystem.
        "printerpackageinstallation", "previous names", "oem urls",
    ]

    /// Fixed names that also come with a decoration or suffix (`[Strings.0407]`, `[SourceDisksFiles.amd64]`,
    /// `[ClassInstall32.NTamd64.Services]`, `[SignatureAttributes.Elam]`).
    static let fixedPrefixes = [
        "strings.", "sourcedisksnames.", "sourcedisksfiles.", "signatureattributes.", "classinstall32.",
        "printerpackageinstallation.",
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let document = context.document
        let referenced = ReferencedNames(document)
        let offered = InboxNeedsSections.sections(offeredBy: Self.lastName(of: document.path)) ?? []
        // A file with $ARCH$ is read once per architecture: a section used under any of them is used.
        let candidates = document.sections.filter { section in
            !offered.contains(section.foldedName) && !isUsed(section.name, context: context, referenced: referenced)
        }
        // Other architectures' readings are built only when some section looks unused in this one.
        let readings = candidates.isEmpty ? [] : Self.stampedReadings(of: context)
        var result: [Violation] = []
        for section in candidates {
            let usedElsewhere = readings.contains { reading in
                guard let header = section.headers.first, let name = reading.namesByHeader[header] else { return false }
                return isUsed(name, context: reading.context, referenced: reading.referenced)
            }
            guard !usedElsewhere, let range = context.headerRange(of: section) else { continue }
            result.append(Violation(range: range, message: "Section [\(section.name)] not referenced or used.\(hint(for: section.name, context: context))",
                                    infVerifValues: [section.name]))
        }
        return result
    }

    /// The last name of a path separated by `/` or `\\`, separators at its end ignored.
    private static func lastName(of path: String) -> String {
        let utf8 = path.utf8
        let isSeparator = { (byte: UInt8) in byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\") }
        var end = utf8.endIndex
        while end > utf8.startIndex, isSeparator(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        let start = utf8[..<end].lastIndex(where: isSeparator).map { utf8.index(after: $0) } ?? utf8.startIndex
        return String(path[start..<end])
    }

    /// The file read with `$ARCH$` stamped as each other architecture, when it holds the token.
    private static func stampedReadings(of context: RuleContext)
        -> [(context: RuleContext, referenced: ReferencedNames, namesByHeader: [Int: String])] {
        let options = context.document.options
        guard let stamped = options.stampArchitecture, TemplateTokens.containsArchitectureToken(context.tree.source.text.units) else { return [] }
        return Architecture.allCases.filter { $0.rawValue != stamped }.map { architecture in
            let document = INFDocument(tree: context.tree, options: ModelOptions(
                locale: options.locale, directories: options.directories, stampArchitecture: architecture.rawValue))
            let reading = RuleContext(document: document, package: nil, architectures: [architecture], targetVersion: context.targetVersion)
            var names: [Int: String] = [:]
            for section in document.sections {
                for header in section.headers { names[header] = section.name }
            }
            return (reading, ReferencedNames(document), names)
        }
    }

    private func isUsed(_ name: String, context: RuleContext, referenced: ReferencedNames) -> Bool {
        // The graph decides nearly every section: asked before the names are read.
        let roles = context.graph.roles(of: name)
        let unreached = roles.contains(.unreachedInstall)
        for role in roles {
            switch role {
            case .unreachedInstall: continue
            case .installSuffix: if !unreached { return true }
            default: return true
            }
        }
        let folded = CaseInsensitive.fold(name)
        if Self.fixedNames.contains(folded) || Self.fixedPrefixes.contains(where: folded.hasPrefix) { return true }
        if PrimitiveSectionName(name) != nil { return true }
        // Checked after the graph, which decides nearly every section: the names are collected only
        // for a file with a section the graph does not reach.
        if referenced.contains(name) { return true }
        // `[X.security]` holds the security descriptor of the list or registry section X.
        if folded.hasSuffix(".security") {
            return isUsed(String(name.dropLast(".security".count)), context: context, referenced: referenced)
        }
        // Suffixes beyond the section graph's: the network class installer runs `[X.Remove]` and
        // `[X.Remove.Services]` when it removes the component `[X]` installed; `[X.Devices]` holds AddDevice.
        for suffix in [".remove", ".remove.services", ".devices"] where folded.hasSuffix(suffix) {
            let base = String(name.dropLast(suffix.count))
            if context.graph.roles(of: base).contains(.deviceInstall) { return true }
        }
        return false
    }

    /// The section names written as a field of a line, other than in `[Strings]` sections: directives
    /// the section graph does not follow (Needs, AddTrigger, AddChannel, InterfaceInstall32 lines, …).
    /// Collected the first time a name is looked up.
    final class ReferencedNames {
        private let document: INFDocument
        private lazy var names: NameInterner = {
            var names = NameInterner()
            for section in document.sections where !section.isStrings {
                for line in section.lines where line.hasExplicitKey {
                    for field in line.fields where !field.isEmpty && !CaseInsensitive.equal(field, section.name) {
                        _ = names.intern(field)
                    }
                }
            }
            return names
        }()

        init(_ document: INFDocument) { self.document = document }

        func contains(_ name: String) -> Bool { names.id(of: name) != nil }
    }

    /// A hint when `name` is a suffix section of a device install base whose chosen variant is decorated.
    private func hint(for name: String, context: RuleContext) -> String {
        guard let dot = name.lastIndex(of: ".") else { return "" }
        let base = String(name[..<dot]), suffix = String(name[name.index(after: dot)...])
        guard SectionGraph.installSuffixes.contains(where: { CaseInsensitive.equal($0, suffix) }) else { return "" }
        let chosen = context.deviceInstalls.map(\.installSection).first {
            CaseInsensitive.fold($0).hasPrefix(CaseInsensitive.fold(base) + ".")
        }
        guard let chosen else { return "" }
        return " Windows installs [\(chosen)] and reads [\(chosen).\(suffix)]."
    }
}
