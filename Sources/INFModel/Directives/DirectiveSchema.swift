/// What one field of a directive holds.
public enum ArgumentKind: Sendable, Equatable {
    /// Free text (a name, a string, a path).
    case text
    /// A section name of this INF.
    case section
    /// An integer as `SetupGetIntField` reads it.
    case number
    /// An integer of flag bits; bits outside `mask` are not defined for the directive.
    case flags(mask: UInt32)
    /// A hexadecimal number, with or without `0x` (FeatureScore is written `FeatureScore = F9`).
    case hex
    /// A `{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}` GUID.
    case guid
    /// One of a few words, ignoring case.
    case keyword([String])
}

/// The arguments a directive takes.
public struct DirectiveSchema: Sendable {
    /// The directive's name.
    public let name: String
    /// The fields in order; the first `required` of them must be present and not empty.
    public let fields: [(name: String, kind: ArgumentKind)]
    /// How many leading fields must be given.
    public let required: Int
    /// Whether the last field may repeat (a list), so the directive takes any number of values.
    public let list: Bool
    /// Whether the directive takes one value per section, so a second line is a duplicate.
    public let single: Bool

    public init(name: String, fields: [(name: String, kind: ArgumentKind)], required: Int, list: Bool, single: Bool) {
        self.name = name
        self.fields = fields
        self.required = required
        self.list = list
        self.single = single
    }

    /// The largest number of fields the directive reads, or `nil` for a list.
    public var maximum: Int? { list ? nil : fields.count }

    /// The kind of field `index` (1-based).
    public func kind(ofField index: Int) -> ArgumentKind? {
        guard index >= 1, !fields.isEmpty else { return nil }
        return index <= fields.count ? fields[index - 1].kind : (list ? fields[fields.count - 1].kind : nil)
    }

    /// The name of field `index` (1-based).
    public func fieldName(_ index: Int) -> String {
        guard index >= 1, !fields.isEmpty else { return "value" }
        return index <= fields.count ? fields[index - 1].name : fields[fields.count - 1].name
    }
}

/// The kinds of section whose lines are directives, by where a section is named from.
public enum DirectiveSectionKind: Sendable, Hashable, CustomStringConvertible {
    /// `[Version]`.
    case version
    /// A DDInstall section (also DefaultInstall and ClassInstall32).
    case install
    /// A DDInstall suffix section: `HW`, `Services`, `Interfaces`, `Wdf`, … (the suffix as listed).
    case suffix(String)
    /// A service-install section named by AddService.
    case serviceInstall
    /// An event-log-install section named by AddService.
    case eventLogInstall
    /// An add-interface section named by AddInterface.
    case interfaceInstall
    /// A filter-install section named by AddFilter.
    case filterInstall
    /// A WDF service-install section named by KmdfService or UmdfService.
    case wdfServiceInstall
    /// A section with install directives that nothing names.
    case unreachedInstall

    public var description: String {
        switch self {
        case .version: return "[Version]"
        case .install: return "DDInstall"
        case .suffix(let suffix): return "DDInstall.\(suffix)"
        case .serviceInstall: return "service-install"
        case .eventLogInstall: return "event-log-install"
        case .interfaceInstall: return "add-interface"
        case .filterInstall: return "filter-install"
        case .wdfServiceInstall: return "WDF service-install"
        case .unreachedInstall: return "install"
        }
    }
}

/// Directive arguments and where directives are valid.
///
/// Facts from Microsoft's driver docs (install/): inf-addservice-directive (AddService fields, SPSVCINST_*
/// flags 0x1–0x40000, service-install-section keys and the four required ones), inf-addinterface-directive
/// (flags must be 0), inf-addfilter-directive (flags must be 0; FilterLevel or FilterPosition = Upper/Lower,
/// not both), inf-addsoftware-directive (flags 0 or 1), inf-addcomponent-directive,
/// inf-addeventprovider-directive, inf-ddinstall-section and its .HW/.Services/.Interfaces/.Wdf/.Events/
/// .Filters/.Software/.Components pages (which directives each holds), inf-version-section,
/// inf-manufacturer-section, inf-models-section, inf-featurescore-directive, inf-driverver-directive, and
/// wdf/specifying-wdf-directives-in-inf-files (KmdfService, KmdfLibraryVersion, UmdfService,
/// UmdfLibraryVersion, UmdfServiceOrder, …).
public enum DirectiveKnowledge {
    private static func schema(_ name: String, _ fields: [(String, ArgumentKind)], required: Int,
                               list: Bool = false, single: Bool = false) -> DirectiveSchema {
        DirectiveSchema(name: name, fields: fields.map { (name: $0.0, kind: $0.1) }, required: required, list: list, single: single)
    }

    /// SPSVCINST_* bits AddService defines (0x1 … 0x40000).
    public static let addServiceFlags: UInt32 = 0x0007_FFFF

    /// The schemas of directives in install sections (DDInstall and its suffixes).
    public static let installDirectives: [String: DirectiveSchema] = index([
        schema("AddService", [("service name", .text), ("flags", .flags(mask: addServiceFlags)),
                              ("service-install-section", .section), ("event-log-install-section", .section),
                              ("EventLogType", .text), ("EventName", .text)], required: 3),
        schema("DelService", [("service name", .text), ("flags", .number), ("EventLogType", .text), ("EventName", .text)], required: 1),
        schema("AddInterface", [("interface class GUID", .guid), ("reference string", .text),
                                ("add-interface-section", .section), ("flags", .flags(mask: 0))], required: 1),
        schema("AddFilter", [("filter name", .text), ("flags", .flags(mask: 0)), ("filter-install-section", .section)], required: 3),
        schema("AddSoftware", [("software name", .text), ("flags", .flags(mask: 0x1)), ("software-install-section", .section)], required: 3),
        schema("AddComponent", [("component name", .text), ("flags", .number), ("component-install-section", .section)], required: 3),
        schema("AddEventProvider", [("provider GUID", .guid), ("provider-install-section", .section)], required: 2),
        schema("KmdfService", [("service name", .text), ("kmdf-install-section", .section)], required: 2),
        schema("UmdfService", [("service name", .text), ("umdf-install-section", .section)], required: 2),
        schema("UmdfServiceOrder", [("service name", .text)], required: 1, list: true, single: true),
        schema("FeatureScore", [("score", .hex)], required: 1, single: true),
        schema("DriverVer", [("date", .text), ("version", .text)], required: 1, single: true),
    ])

    /// The schemas of the keys of a service-install section.
    public static let serviceDirectives: [String: DirectiveSchema] = index([
        schema("ServiceType", [("type", .number)], required: 1, single: true),
        schema("StartType", [("start type", .number)], required: 1, single: true),
        schema("ErrorControl", [("error control", .number)], required: 1, single: true),
        schema("ServiceBinary", [("path", .text)], required: 1, single: true),
        schema("DisplayName", [("name", .text)], required: 1, single: true),
        schema("Description", [("text", .text)], required: 1, single: true),
        schema("LoadOrderGroup", [("group", .text)], required: 1, single: true),
        schema("StartName", [("account", .text)], required: 1, single: true),
        schema("ServiceSidType", [("SID type", .number)], required: 1, single: true),
        schema("DelayedAutoStart", [("delayed start", .number)], required: 1, single: true),
        schema("Dependencies", [("service or group", .text)], required: 1, list: true),
    ])

    /// The keys of a service-install section that must be present.
    public static let requiredServiceKeys = ["ServiceType", "StartType", "ErrorControl", "ServiceBinary"]

    /// The schemas of `[Version]` keys.
    public static let versionDirectives: [String: DirectiveSchema] = index([
        schema("Signature", [("signature", .text)], required: 1, single: true),
        schema("Class", [("class name", .text)], required: 1, single: true),
        schema("ClassGuid", [("class GUID", .text)], required: 1, single: true),
        schema("Provider", [("provider", .text)], required: 1, single: true),
        schema("DriverVer", [("date", .text), ("version", .text)], required: 1, single: true),
        schema("CatalogFile", [("catalog file", .text)], required: 1, single: true),
        schema("PnpLockdown", [("value", .number)], required: 1, single: true),
        schema("DriverPackageType", [("type", .text)], required: 1, single: true),
        schema("DriverPackageDisplayName", [("name", .text)], required: 1, single: true),
    ])

    /// The schemas of a filter-install section's keys.
    public static let filterDirectives: [String: DirectiveSchema] = index([
        schema("FilterLevel", [("level name", .text)], required: 1, single: true),
        schema("FilterPosition", [("position", .keyword(["Upper", "Lower"]))], required: 1, single: true),
    ])

    /// The schemas of a WDF service-install section's keys.
    public static let wdfServiceDirectives: [String: DirectiveSchema] = index([
        schema("KmdfLibraryVersion", [("version", .text)], required: 1, single: true),
        schema("UmdfLibraryVersion", [("version", .text)], required: 1, single: true),
        schema("ServiceBinary", [("path", .text)], required: 1, single: true),
        schema("DriverCLSID", [("CLSID", .guid)], required: 1, single: true),
    ])

    /// The schemas that apply to the lines of a section of `kind`.
    public static func schemas(for kind: DirectiveSectionKind) -> [String: DirectiveSchema] {
        switch kind {
        case .version: return versionDirectives
        case .install, .suffix, .unreachedInstall: return installDirectives
        case .serviceInstall: return serviceDirectives
        case .filterInstall: return filterDirectives
        case .wdfServiceInstall: return wdfServiceDirectives
        case .eventLogInstall, .interfaceInstall: return [:]
        }
    }

    /// The directive a suffix section exists to hold (suffix -> directive).
    public static let suffixRequiredDirective: [String: String] = [
        "Filters": "AddFilter", "Interfaces": "AddInterface", "Components": "AddComponent", "Software": "AddSoftware",
    ]

    /// Keyless lines that are directives in a DDInstall section.
    public static let keylessInstallDirectives: Set<String> = ["reboot", "restart"]

    private static func index(_ list: [DirectiveSchema]) -> [String: DirectiveSchema] {
        Dictionary(list.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
    }
}
