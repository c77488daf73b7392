/// Which fields of a directive name sections of the same INF.
public enum SectionFields: Sendable, Equatable {
    /// None: the values are names, numbers, files or sections of other INFs.
    case none
    /// Every field (a list of sections: `CopyFiles = A, B`).
    case all
    /// These 1-based fields (`AddService = name, flags, service-install-section, event-log-install-section`).
    case fields([Int])
}

/// One INF directive as SetupAPI and Microsoft's INF reference describe it: which of its fields name
/// sections, whether its values are a comma list, where it may appear, and what the sections it names
/// hold.
public struct DirectiveInfo: Sendable {
    public let name: String
    /// The fields that name sections of this INF.
    public let sectionFields: SectionFields
    /// Whether the values are a list of names, each of which must be given (`Include = a.inf, b.inf`).
    public let isList: Bool
    /// The DDInstall suffix section it belongs in only (`Services` for AddService), if any.
    public let onlyIn: String?
    /// Whether a section holding it is an install section even when nothing names the section.
    public let marksInstallSection: Bool
    /// Whether the sections it names hold install directives of their own (AddReg in a `.Wdf` service
    /// section), so the section graph follows them.
    public let namedSectionsHoldDirectives: Bool

    init(_ name: String, sections: SectionFields = .none, list: Bool = false, onlyIn: String? = nil,
         marksInstall: Bool = false, namedHoldDirectives: Bool = false) {
        self.name = name
        self.sectionFields = sections
        self.isList = list
        self.onlyIn = onlyIn
        self.marksInstallSection = marksInstall
        self.namedSectionsHoldDirectives = namedHoldDirectives
    }
}

/// The one table of INF directives: the section graph, the argument rules, the install plan and the
/// fixes read it, and nothing else restates it. Sources: Microsoft's INF directive pages (install/inf-*-directive)
/// and the DDInstall suffix section pages; WDF's "Specifying WDF directives in INF files".
public enum DirectiveTable {
    /// Every directive, in the order the section graph links them.
    public static let directives: [DirectiveInfo] = [
        DirectiveInfo("CopyFiles", sections: .all, list: true, marksInstall: true),
        DirectiveInfo("DelFiles", sections: .all, list: true, marksInstall: true),
        DirectiveInfo("RenFiles", sections: .all, list: true, marksInstall: true),
        DirectiveInfo("AddReg", sections: .all, list: true, marksInstall: true),
        DirectiveInfo("DelReg", sections: .all, list: true, marksInstall: true),
        DirectiveInfo("BitReg", sections: .all, list: true, marksInstall: true),
        DirectiveInfo("AddService", sections: .fields([3, 4]), onlyIn: "Services", marksInstall: true),
        DirectiveInfo("DelService", onlyIn: "Services"),
        DirectiveInfo("AddInterface", sections: .fields([3]), onlyIn: "Interfaces", marksInstall: true),
        DirectiveInfo("KmdfService", sections: .fields([2]), onlyIn: "Wdf", namedHoldDirectives: true),
        DirectiveInfo("UmdfService", sections: .fields([2]), onlyIn: "Wdf", namedHoldDirectives: true),
        DirectiveInfo("UmdfServiceOrder", onlyIn: "Wdf"),
        DirectiveInfo("AddEventProvider", sections: .fields([2]), onlyIn: "Events"),
        DirectiveInfo("AddAutoLogger", sections: .fields([3]), onlyIn: "Events"),
        DirectiveInfo("UpdateAutoLogger", sections: .fields([2]), onlyIn: "Events"),
        DirectiveInfo("AddFilter", sections: .fields([3]), onlyIn: "Filters"),
        DirectiveInfo("AddSoftware", sections: .fields([3]), onlyIn: "Software", namedHoldDirectives: true),
        DirectiveInfo("AddComponent", sections: .fields([3]), onlyIn: "Components"),
        DirectiveInfo("AddComServer", sections: .fields([3]), onlyIn: "COM", namedHoldDirectives: true),
        DirectiveInfo("AddProperty", sections: .all, list: true, marksInstall: true),
        DirectiveInfo("AddPowerSetting", sections: .all, list: true),
        DirectiveInfo("LogConfig", sections: .all, list: true),
        DirectiveInfo("Ini2Reg", sections: .all, list: true),
        DirectiveInfo("UpdateInis", sections: .all, list: true),
        DirectiveInfo("UpdateIniFields", sections: .all, list: true),
        DirectiveInfo("ProfileItems", sections: .all, list: true),
        DirectiveInfo("RegisterDlls", sections: .all, list: true),
        DirectiveInfo("UnregisterDlls", sections: .all, list: true),
        DirectiveInfo("DelProperty", sections: .all, list: true),
        DirectiveInfo("WMIInterface", sections: .fields([3]), onlyIn: "WMI"),
        // Include names inbox INF files, Needs sections of those files, CopyINF INF files to copy.
        DirectiveInfo("Include", list: true, marksInstall: true),
        DirectiveInfo("Needs", list: true, marksInstall: true),
        DirectiveInfo("CopyINF", list: true, marksInstall: true),
    ]

    private static let byName: [String: DirectiveInfo] = Dictionary(
        directives.map { (CaseInsensitive.fold($0.name), $0) }, uniquingKeysWith: { first, _ in first })

    /// The directive named `name` (any case), if the table knows it.
    public static func info(_ name: String) -> DirectiveInfo? { byName[CaseInsensitive.fold(name)] }

    /// The folded names of the directives whose values are lists of names.
    public static let listDirectives: Set<String> = Set(directives.filter(\.isList).map { CaseInsensitive.fold($0.name) })

    /// The suffix section each suffix-only directive belongs in, by folded name.
    public static let suffixOnly: [String: String] = Dictionary(
        directives.compactMap { info in info.onlyIn.map { (CaseInsensitive.fold(info.name), $0) } }, uniquingKeysWith: { first, _ in first })

    /// The directives that make a section an install section.
    public static let installMarkers: [String] = directives.filter(\.marksInstallSection).map(\.name)
}
