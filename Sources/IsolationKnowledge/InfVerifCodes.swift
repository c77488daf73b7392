/// A code InfVerif reports (or a run of related codes), as the WDK 10.0.26200 (Windows 11 25H2)
/// table of INF validation errors and warnings lists it.
public struct InfVerifCode: Sendable {
    /// The code, or the first and last code of a run.
    public let codes: ClosedRange<Int>
    /// InfVerif's levels in `/k`, `/u` and `/w`: `E` error, `W` warning, `-` not reported.
    public let levels: String
    /// What InfVerif reports.
    public let summary: String
    /// Why no Isolint rule reports the codes of the entry that the catalog does not list; `nil`
    /// when every code of the entry has a rule.
    public let notCovered: String?
    /// What a user should know about how Isolint reports a covered entry, if anything.
    public let note: String?

    init(_ codes: ClosedRange<Int>, _ levels: String, _ summary: String, notCovered: String? = nil, note: String? = nil) {
        self.codes = codes
        self.levels = levels
        self.summary = summary
        self.notCovered = notCovered
        self.note = note
    }

    init(_ code: Int, _ levels: String, _ summary: String, notCovered: String? = nil, note: String? = nil) {
        self.init(code...code, levels, summary, notCovered: notCovered, note: note)
    }

    /// The code or run as written in documentation: `1320` or `1310–1319`.
    public var label: String {
        codes.count == 1 ? "\(codes.lowerBound)" : "\(codes.lowerBound)–\(codes.upperBound)"
    }
}

/// A code earlier InfVerif versions reported that today's table no longer lists under that number.
public struct RenumberedInfVerifCode: Sendable {
    public let code: Int
    /// What the code meant.
    public let meaning: String
    /// The code that reports it today, if any.
    public let now: Int?
}

/// Every code of InfVerif's published table, with why Isolint has no rule for the ones it does not cover.
public enum InfVerifCodes {
    private static let inboxINFs = "needs the sections of the inbox INFs of a Windows build (InfVerif's /product .ias file), which Isolint does not ship"
    private static let netDriver = "applies to NetDriver-class INFs only (network component bindings), which Isolint does not model"
    private static let display = "applies to display-driver INFs only, whose DIRID and service rules are not published in full"
    private static let shim = "reports a rewrite made by InfVerif's INF shim, whose list of legacy patterns is not published"

    /// The table, in code order.
    public static let all: [InfVerifCode] = [
        InfVerifCode(1000, "E E E", "INF not found",
                     note: "a file found but not readable (permissions, a device or FIFO, over the size limit) is a syntax-error finding under 1000; a path that does not exist makes isolint check exit with status 2"),
        InfVerifCode(1001, "E E E", "no [Version] section or no $Windows NT$ signature"),
        InfVerifCode(1002, "E E E", "parse error on a line"),
        InfVerifCode(1003, "E E E", "encoding is not ANSI or UTF-16LE"),
        InfVerifCode(1005, "E E E", "a directive needs a section name"),
        InfVerifCode(1006, "E E E", "a required value is missing"),
        InfVerifCode(1007, "E E E", "a source file has no subdirectory",
                     notCovered: "listed in the 24H2 table only; InfVerif for 25H2 no longer reports it"),
        InfVerifCode(1008, "E E E", "malformed disk id"),
        InfVerifCode(1010, "E E E", "malformed ClassGuid"),
        InfVerifCode(1011, "E E E", "a Manufacturer entry names no Models section"),
        InfVerifCode(1013, "E E E", "a required key is missing"),
        InfVerifCode(1014, "E E E", "a required key is invalid"),
        InfVerifCode(1015, "E E E", "malformed path"),
        InfVerifCode(1016, "E E E", "the source path of a file cannot be built from SourceDisksNames and SourceDisksFiles"),
        InfVerifCode(1017, "E E E", "a service name is reserved for internal use"),
        InfVerifCode(1019, "E E E", "malformed GUID"),
        InfVerifCode(1020, "E E E", "a filter level name is reserved", notCovered: "the reserved filter level names are not published"),
        InfVerifCode(1021, "E E E", "a service name is too long once made unique",
                     notCovered: "how long SPSVCINST_UNIQUE_NAME (0x00010000) makes a service name is not documented; unique-service-name-inconsistent reports the flag used inconsistently (1022)"),
        InfVerifCode(1022, "E E E", "the unique-name feature is used inconsistently"),
        InfVerifCode(1078, "E E E", "an entry is skipped: not valid where it stands"),
        InfVerifCode(1080...1083, "E E E", "directive arguments missing, invalid, with an invalid flag or incomplete"),
        InfVerifCode(1084, "E E E", "a companion directive is missing (e.g. UmdfService without UmdfLibraryVersion)"),
        InfVerifCode(1085, "E E E", "directive arguments incomplete"),
        InfVerifCode(1086, "E E E", "duplicate data"),
        InfVerifCode(1087, "E E E", "mutually exclusive directives (AddFilter level and position)"),
        InfVerifCode(1088, "E E E", "duplicate directive"),
        InfVerifCode(1100, "E E E", "a DIRID 13 copy renames or moves the file"),
        InfVerifCode(1101...1103, "E E E", "a security descriptor, directive or flag not allowed with DIRID 13"),
        InfVerifCode(1110, "E E E", "CopyINF may list INF files only"),
        InfVerifCode(1141, "E E E", "a software binary path must be relative to the package"),
        InfVerifCode(1142, "E E E", "a SoftwareType needs a directive that is missing"),
        InfVerifCode(1144, "W E W", "a software type for desktop editions only"),
        InfVerifCode(1150, "E E E", "a component ID holds \\ or ,"),
        InfVerifCode(1160, "E E E", "invalid COM threading model"),
        InfVerifCode(1180...1182, "E E E", "event channel errors",
                     notCovered: "event-channel reports a value repeated across a provider's channels (1180) and LoggingAutoBackup without sequential retention (1181); which other pairs of channel values InfVerif compares (1182) is not published, and other invalid channel values are invalid directive arguments (1081)"),
        InfVerifCode(1199, "E E E", "syntax of a newer OS used by a DDInstall that installs on older builds"),
        InfVerifCode(1201, "W W W", "an extra value is ignored"),
        InfVerifCode(1202, "E E E", "Include names an INF that is not an inbox INF or does not exist"),
        InfVerifCode(1203, "E E E", "section not found"),
        InfVerifCode(1204, "E E E", "Provider is or begins with \"Microsoft\""),
        InfVerifCode(1205, "W W W", "a section is referenced by two different directives"),
        InfVerifCode(1206, "E E E", "a section is used by an incompatible directive"),
        InfVerifCode(1207, "E E E", "a directive not allowed in Microsoft INFs", notCovered: "concerns Microsoft's own inbox INFs"),
        InfVerifCode(1208, "E E E", "a directive for inbox INFs only", notCovered: "concerns Microsoft's own inbox INFs"),
        InfVerifCode(1209, "E E E", "a section is defined more than once"),
        InfVerifCode(1210, "E E E", "Provider differs from the one given with /provider"),
        InfVerifCode(1211, "E E E", "more than one AddService with SPSVCINST_ASSOCSERVICE"),
        InfVerifCode(1212, "E E E", "two sections that may not both be present (e.g. DefaultInstall and Manufacturer)"),
        InfVerifCode(1213, "E E E", "a .cat file listed in SourceDisksFiles"),
        InfVerifCode(1214, "E E E", "invalid catalog file name"),
        InfVerifCode(1217, "E E E", "a DriverVer version part is not 0 to 65535"),
        InfVerifCode(1218, "E E E", "the DriverVer date is not MM/DD/YYYY"),
        InfVerifCode(1220, "E E E", "a section of an included INF is named directly instead of through Needs"),
        InfVerifCode(1222, "E E E", "registry keys that may not be modified although HKLM\\SYSTEM\\CurrentControlSet is allowed"),
        InfVerifCode(1223, "E E E", "a registry key that may not be modified"),
        InfVerifCode(1224, "E E E", "invalid registry root"),
        InfVerifCode(1225, "E E E", "a registry value has the wrong type",
                     notCovered: "which registry values InfVerif checks the type of under 1225 rather than 1431 is not published; well-known-value-type reports the device and class values whose types Microsoft documents, under 1431"),
        InfVerifCode(1226, "E E E", "a security descriptor on a value directly under HKR"),
        InfVerifCode(1229, "E E E", "a file name is missing"),
        InfVerifCode(1230, "E E E", "a copied file is missing from SourceDisksFiles"),
        InfVerifCode(1231, "W E E", "a compressed file name (x.sy_)"),
        InfVerifCode(1233, "E E E", "a directive required for signing (CatalogFile) is missing"),
        InfVerifCode(1234, "E E E", "a required directive is missing or empty"),
        InfVerifCode(1235, "E E E", "an undefined %token%"),
        InfVerifCode(1241...1243, "E E E", "an unresolvable user DIRID, an unresolvable DIRID or an invalid DIRID"),
        InfVerifCode(1245, "E E E", "a feature score that is not a byte"),
        InfVerifCode(1250, "E E E", "EventLogType is not System, Application or Security"),
        InfVerifCode(1251, "W W W", "the associated service is disabled (StartType 4)"),
        InfVerifCode(1252, "W W W", "service settings that conflict with the service type"),
        InfVerifCode(1253, "E E E", "a directive without a service name"),
        InfVerifCode(1254, "E E E", "a ServiceBinary path that cannot be parsed (quotes)"),
        InfVerifCode(1256, "E E E", "invalid WMI interface flags"),
        InfVerifCode(1257, "E E E", "a registry value uses the Windows directory; use an environment variable"),
        InfVerifCode(1258, "E E E", "a DIRID in a registry value may resolve wrongly; use %SystemRoot%"),
        InfVerifCode(1260, "E E E", "a directive's type cannot be parsed"),
        InfVerifCode(1261, "E E E", "a device install section is missing"),
        InfVerifCode(1262...1268, "E E E", "AddReg flag and data errors (bitmask, custom type, BINVALUETYPE, APPEND, multi-sz delete, binary, number)"),
        InfVerifCode(1270, "E E E", "DeviceInstall32 devices not matched by the same INF"),
        InfVerifCode(1271, "E E E", "a Models entry without an install section"),
        InfVerifCode(1272, "E E E", "a service section for an unnamed service is ignored"),
        InfVerifCode(1273, "E E E", "a disk id not in SourceDisksNames"),
        InfVerifCode(1274, "E E E", "an unresolved $ARCH$"),
        InfVerifCode(1275, "E E E", "a copied file with no DestinationDirs entry and no DefaultDestDir"),
        InfVerifCode(1280...1281, "E E E", "Class and ClassGuid disagree for a well-known class"),
        InfVerifCode(1284, "E E E", "a class reserved for Microsoft (Sample)"),
        InfVerifCode(1285, "E E E", "[ClassInstall32] for a Microsoft-defined class"),
        InfVerifCode(1286, "E E E", "a class name longer than 31 characters"),
        InfVerifCode(1287, "E E E", "a malformed TargetOSVersion decoration"),
        InfVerifCode(1288, "E E E", "a TargetOSVersion build number below 14310"),
        InfVerifCode(1289...1290, "E E E", "a directive missing or invalid for its section"),
        InfVerifCode(1292, "E E E", "a directive needs an indirect (%strkey%) string",
                     notCovered: "which directives InfVerif requires to name a [Strings] key rather than literal text is not published; Microsoft's pages only recommend %strkey% tokens for localizable text"),
        InfVerifCode(1293, "E E E", "a reserved service name"),
        InfVerifCode(1294, "E E E", "a duplicate entry in a section"),
        InfVerifCode(1295, "E E E", "localized [Strings] sections differ in their number of entries"),
        InfVerifCode(1296, "E E E", "hardware with no associated service for its install section"),
        InfVerifCode(1297, "E E E", "a device INF that installs on no device"),
        InfVerifCode(1299, "E E E", "further checks skipped after parse errors",
                     notCovered: "InfVerif's own status; isolint reports syntax-error and goes on checking"),
        InfVerifCode(1300...1303, "E E E", "legacy operations: deprecated directives, co-installers, changes outside the package"),
        InfVerifCode(1304, "W E -", "a registry root other than HKR (/w reports 1320 and 1321)"),
        InfVerifCode(1305, "W E E", "an append to or delete from a REG_MULTI_SZ"),
        InfVerifCode(1306, "W E -", "a file copied outside the system path (/w reports 1322)"),
        InfVerifCode(1307, "W E E", "an operation for desktop editions only"),
        InfVerifCode(1308...1309, "W E E", "non-additive operations (deletes)"),
        InfVerifCode(1310...1313, "E E E", "a Needs names a section of another kind: a section may only Need sections with its own suffix",
                     notCovered: "needs-suffix-mismatch reports a needed section whose suffix differs from its parent section's (1312); one without the parent's suffix (1313) is not reported, since inbox INFs name some of their suffix sections without one, and the first-referencing-section cases (1310, 1311) are not published beyond their messages"),
        InfVerifCode(1314, "E E E", "a section Needs a section of an included INF without its own Include of that INF",
                     note: "Isolint reports 1314, and 2651 when the INF has no Include at all"),
        InfVerifCode(1315...1319, "E E E", "a needed section is not found, or not present in the target OS",
                     notCovered: "needs-unknown-section reports, under 1315, a needed section that an included inbox INF whose sections Isolint knows completely does not define; whether a needed section exists in a given Windows build needs the inbox INFs of each build (InfVerif's /product .ias file), which Isolint does not ship"),
        InfVerifCode(1320, "- - E", "a registry key root not isolated to HKR"),
        InfVerifCode(1321, "- - E", "a registry value root not isolated to HKR"),
        InfVerifCode(1322, "- - E", "a destination file path not isolated to DIRID 13"),
        InfVerifCode(1323, "- - E", "a service registry key outside the Parameters subkey"),
        InfVerifCode(1324, "W W E", "[Version] without PnpLockdown=1"),
        InfVerifCode(1325, "W W E", "a COM class registration other than InprocServer32"),
        InfVerifCode(1326, "W W E", "an unisolated data file path: expecting a file name under %DriverData%",
                     notCovered: "which values InfVerif reads as data-file paths is not published; unisolated-file-reference and data-root-file report the cases Isolint can tell (without a code)"),
        InfVerifCode(1328, "- - W", "an unsupported file path replaced with another", notCovered: shim),
        InfVerifCode(1329, "- - E", "filters added through the registry instead of DDInstall.Filters"),
        InfVerifCode(1330, "E E E", "different source files copied to the same destination file"),
        InfVerifCode(1331, "W E E", "the same registry value set differently in two install sections"),
        InfVerifCode(1332, "W E E", "a service registry value set differently in two install sections"),
        InfVerifCode(1333, "W E E", "a service configured differently in two install sections"),
        InfVerifCode(1340...1341, "- - E", "a DIRID that is not allowed (deprecated)",
                     notCovered: "InfVerif's table gives 1340 and 1341 the same message and does not publish which deprecated DIRIDs go under 1341; deprecated-dirid reports them all as 1340"),
        InfVerifCode(1380...1381, "E E E", "a malformed or missing ExtensionId"),
        InfVerifCode(1382, "E E E", "a directive not allowed in an extension INF"),
        InfVerifCode(1383, "E E E", "a service flag not allowed in an extension INF"),
        InfVerifCode(1384, "W W W", "filters through the registry or a property in an extension INF"),
        InfVerifCode(1400, "E E E", "a UMDF service not named by UmdfServiceOrder"),
        InfVerifCode(1401, "E E E", "a WDF directive deprecated for the framework version"),
        InfVerifCode(1402, "- - E", "UMDF 1.x"),
        InfVerifCode(1420, "E E E", "a DefaultInstall-based INF that cannot be processed as primitive"),
        InfVerifCode(1421, "E E E", "[DefaultInstall] without an architecture decoration"),
        InfVerifCode(1422...1423, "E E E", "other primitive-driver rules (LegacyUninstall=1 in DefaultUninstall.NT<arch>, …)"),
        InfVerifCode(1430, "E E E", "a registry value not allowed under its key",
                     notCovered: "InfVerif's list of keys and the values allowed under them is not published"),
        InfVerifCode(1431, "E E E", "a well-known registry value with the wrong type"),
        InfVerifCode(1450, "- - W", "a legacy unisolated directive may be ignored",
                     notCovered: "which legacy directives InfVerif reports as ignored rather than as legacy operations is not published; legacy-directive reports them under 1300–1309"),
        InfVerifCode(2004, "W W W", "a directive that is not recommended"),
        InfVerifCode(2006, "E E E", "an AddService install section is missing"),
        InfVerifCode(2008, "E E E", "a section name also present in an included INF"),
        InfVerifCode(2009, "W W W", "a legacy directive is ignored",
                     notCovered: "which legacy directives InfVerif reports as ignored rather than as legacy operations is not published; legacy-directive reports them under 1300–1309"),
        InfVerifCode(2010, "W W W", "a section should be architecture-decorated"),
        InfVerifCode(2083, "W W W", "a section not referenced or used"),
        InfVerifCode(2084, "W W E", "a service binary that no CopyFiles installs"),
        InfVerifCode(2085, "E E E", "a service binary not given as a path under a DIRID"),
        InfVerifCode(2090...2091, "E E E", "a legacy pattern replaced, or one that cannot be replaced", notCovered: shim),
        InfVerifCode(2092, "- - E", "a legacy pattern replaced to follow best practices",
                     notCovered: "\(shim); inbox-service-binary (2084) reports the documented case, a ServiceBinary naming an inbox driver"),
        InfVerifCode(2093, "E E E", "the INF shim failed", notCovered: shim),
        InfVerifCode(2400...2420, "E E E", "NetDriver-class rules (component IDs, GUIDs, true/false values, filter class, bind tokens, AddNetFilter/AddNetProtocol)",
                     notCovered: "reserved-network-component-id reports the ms_ and vms_ prefixes (2415) and netdrivers-section a DefaultInstall.NetDrivers section outside the NetDriver class (2405); InfVerif's table does not say which of the other codes goes with which of its NetDriver checks, and they \(netDriver)"),
        InfVerifCode(2500...2501, "E E E", "NetDriver-class rules (required directives, services created by the INF)",
                     notCovered: "ndi-service-not-added reports an Ndi Service or CoServices naming a service the INF does not add (2501); 2500 \(netDriver)"),
        InfVerifCode(2600...2601, "E E E", "display-driver paths must lie under a given DIRID"),
        InfVerifCode(2602, "E E E", "a display service value",
                     note: "display-service-start-type reports the value Microsoft documents for every display driver's service, StartType = 3; which other service values InfVerif checks under 2602 is not published"),
        InfVerifCode(2603, "W E E", "a directive not valid for display drivers", notCovered: display),
        InfVerifCode(2650, "E E E", "an inbox binary used directly instead of through Include/Needs",
                     notCovered: "which inbox binaries InfVerif reports under 2650 rather than 2084 is not published; inbox-service-binary reports a ServiceBinary naming an inbox driver under 2084, as Microsoft's page on 2084 documents"),
        InfVerifCode(2651, "E E E", "Needs without Include"),
        InfVerifCode(2652, "E E E", "a camera INF must Needs Microsoft's sections", notCovered: inboxINFs),
        InfVerifCode(2660, "- - E", "a modification of an HKCR subkey"),
        InfVerifCode(2661...2663, "- - E", "APO registrations: only AudioProcessingObject-class INFs may write the subkey; FX APOs must Include wdmaudio.inf and Need its section"),
    ]

    /// Codes of earlier InfVerif versions that the table lists under another number, or no longer.
    public static let renumbered: [RenumberedInfVerifCode] = [
        RenumberedInfVerifCode(code: 1221, meaning: "a services registry key modified other than through HKR", now: nil),
        RenumberedInfVerifCode(code: 2084, meaning: "a legacy pattern replaced in a section (until 2024)", now: 2090),
        RenumberedInfVerifCode(code: 2086, meaning: "a legacy pattern replaced to follow best practices", now: 2092),
        RenumberedInfVerifCode(code: 2222, meaning: "a legacy directive will be ignored", now: 2009),
        RenumberedInfVerifCode(code: 2223, meaning: "a section should have an architecture decoration", now: 2010),
    ]

    /// The codes InfVerif's `/samples` switch suppresses (the WDK build passes it for Microsoft's
    /// driver samples): reserved and Microsoft classes, reserved service names, unused sections and
    /// replaced legacy patterns.
    public static let suppressedBySamples: Set<Int> = [1284, 1285, 1293, 2083, 2086]

    /// The codes InfVerif's undocumented `/msft` switch (Microsoft's own driver projects, the samples
    /// and windows-drivers-rs pass it) is seen to suppress: the reserved Sample class (1284) and a
    /// class installer for it (1285), and `Provider = Microsoft` (1204).
    public static let suppressedByMSFT: Set<Int> = [1204, 1284, 1285]

    /// The entry that lists `code`, if any.
    public static func entry(for code: Int) -> InfVerifCode? {
        all.first { $0.codes.contains(code) }
    }

    /// InfVerif's level for `code` in a column of its table (0 `/k`, 1 `/u`, 2 `/w`): `E` error,
    /// `W` warning, `-` not reported; `nil` for a code the table does not list.
    public static func level(of code: Int, column: Int) -> Character? {
        guard let columns = levelsByCode[code] else { return nil }
        return column >= 0 && column < columns.count ? columns[column] : nil
    }

    /// Each listed code's levels, one character a column, read from the table once.
    private static let levelsByCode: [Int: [Character]] = {
        var result: [Int: [Character]] = [:]
        for entry in all {
            let columns = entry.levels.split(separator: " ").compactMap(\.first)
            for code in entry.codes where result[code] == nil { result[code] = columns }
        }
        return result
    }()
}
