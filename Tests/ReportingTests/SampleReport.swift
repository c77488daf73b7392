import Findings
import INFModel
import Reporting

/// A fixed run used by the golden and SARIF tests: a line finding with a safe fix, a multi-line
/// finding with an unsafe fix and follow-up, a whole-file finding, findings in a binary (at an
/// offset and about the whole binary), a finding with related locations, one that holds for some
/// architectures and versions only, and a finding whose
/// file, message and line need escaping (`%`, `,`, `:`, a line break, quotes, a tab, non-ASCII).
enum SampleReport {
    static let rules: [RuleDescription] = [
        RuleDescription(
            name: "version-section", codes: [1001], title: "Missing or wrong [Version] section",
            why: "SetupAPI identifies an INF by its [Version] section and its Signature.",
            fix: "Add a [Version] section with Signature = \"$Windows NT$\".",
            levels: [.isolation: .error, .signature: .error, .universal: .error, .declarative: .error,
                     .desktop: .warning],
            fixable: false, group: .structure),
        RuleDescription(
            name: "obsolete-registry-value", codes: [1320], title: "Obsolete registry value",
            why: "Windows no longer reads the value, and writing it needs a global registry key.",
            fix: "Delete the line.",
            levels: [.isolation: .warning, .signature: .warning, .universal: .warning, .declarative: .warning,
                     .desktop: .warning],
            fixable: true, group: .registry),
        RuleDescription(
            name: "filter-via-registry", codes: [1329], title: "Filter registered through AddReg",
            why: "UpperFilters and LowerFilters written by AddReg overwrite the filters of other packages.",
            fix: "Declare the filter in a [DDInstall.Filters] section with AddFilter.",
            levels: [.isolation: .error, .signature: .error, .universal: .warning, .declarative: .warning,
                     .desktop: .warning],
            fixable: true, group: .registry),
        RuleDescription(
            name: "global-service-key", codes: [1320], title: "Service key written through HKLM",
            why: "A package may change its own service only through the service's install section.",
            fix: "Move the value into the service install section's AddReg as HKR,Parameters\\….",
            levels: [.isolation: .error, .signature: .error, .universal: .warning, .declarative: .warning,
                     .desktop: .warning],
            fixable: true, group: .registry),
        RuleDescription(
            name: "hardcoded-path", codes: [], title: "Hard-coded absolute path",
            why: "Absolute paths break when Windows or the driver store lives elsewhere.",
            fix: "Use a DIRID such as %13% for files of the package.",
            levels: [.isolation: .error, .signature: .error, .universal: .warning, .declarative: .warning,
                     .desktop: .warning],
            fixable: false, group: .files),
        RuleDescription(
            name: "binary-hardcoded-registry-path", codes: [], title: "Registry path in a binary",
            why: "A driver that opens global registry paths breaks isolation at run time.",
            fix: "Open the driver's or device's own keys with IoOpenDriverRegistryKey or IoOpenDeviceRegistryKey.",
            levels: [.isolation: .error, .signature: .error, .universal: .warning, .declarative: .warning,
                     .desktop: .warning],
            fixable: false, group: .binaries),
        RuleDescription(
            name: "parameters-written-at-runtime", codes: [], title: "Parameters key written at run time",
            why: "The Parameters key is read-only at run time.",
            fix: "Write overrides to persistent state (DriverRegKeyPersistentState).",
            levels: [.isolation: .note, .signature: .note, .universal: .note, .declarative: .note, .desktop: .note],
            fixable: false, group: .isolationGuidance),
        RuleDescription(
            name: "umdf1-driver", codes: [1402], title: "UMDF 1 driver",
            why: "UMDF 1 is no longer supported.",
            fix: "Port the driver to UMDF 2.",
            levels: [.isolation: .error, .signature: .warning],
            fixable: false, group: .declarative),
    ]

    static let specialFile = "Pkgs/Grüße, 100%: v2/drv.inf"

    static var findings: [Finding] {
        let obsoleteLine = "HKLM,SYSTEM\\CurrentControlSet\\Control\\MediaCategories\\%MediaGuid%,Display,,1"
        let obsolete = columns(of: "Display", in: obsoleteLine)
        let obsoleteStart = 1444

        let filterLine = "    HKR,,UpperFilters,0x00010000,\\"
        let filterStart = 1900

        let serviceLine = "HKLM,SYSTEM\\CurrentControlSet\\Services\\Toaster\\Parameters,Mode,0x00010001,1"
        let service = columns(of: "HKLM,SYSTEM\\CurrentControlSet\\Services\\Toaster\\Parameters", in: serviceLine)

        let pathLine = "\tHKR,,InstallPath,,\"C:\\Program Files\\Contoso\\50% Tools, v2\\Grüße.dll\""
        let path = columns(of: "\"C:\\Program Files\\Contoso\\50% Tools, v2\\Grüße.dll\"", in: pathLine)

        // Given out of order: the report sorts them.
        return [
            Finding(rule: "hardcoded-path", codes: [], level: .warning,
                    message: "The field holds the absolute path \"C:\\Program Files\\Contoso\\50% Tools, v2\\Grüße.dll\":\nuse %13% for files the package installs.",
                    location: Location(file: specialFile, line: 7, column: path.start, endColumn: path.end,
                                       byteRange: 180..<232, lineText: pathLine)),
            Finding(rule: "parameters-written-at-runtime", codes: [], level: .note,
                    message: "The driver writes its Parameters key at run time.",
                    location: .wholeFile("Driver/toaster.sys")),
            Finding(rule: "binary-hardcoded-registry-path", codes: [], level: .error,
                    message: "The string \"\\Registry\\Machine\\Software\\Contoso\\Toaster\" names a global registry key.",
                    location: Location(file: "Driver/toaster.sys", line: 0, column: 0, binaryOffset: 0x1A2B)),
            Finding(rule: "global-service-key", codes: [1320], level: .error,
                    message: "AddReg writes the Toaster service's key through HKLM.",
                    location: Location(file: "Driver/toaster.inf", line: 30, column: service.start,
                                       endColumn: service.end, byteRange: 980..<1036, lineText: serviceLine),
                    related: [
                        RelatedLocation(location: Location(file: "Driver/toaster.inf", line: 12, column: 1,
                                                           endColumn: 53, byteRange: 410..<462,
                                                           lineText: "AddService = Toaster,0x00000002,Toaster_Service_Inst"),
                                        message: "The service Toaster is added here."),
                        RelatedLocation(location: Location(file: "Driver/toaster.sys", line: 0, column: 0,
                                                           binaryOffset: 0x400),
                                        message: "The driver opens the key here."),
                    ]),
            Finding(rule: "version-section", codes: [1001], level: .error,
                    message: "The INF has no [Version] section.",
                    location: .wholeFile("Legacy/old.inf")),
            Finding(rule: "filter-via-registry", codes: [1329], level: .error,
                    message: "AddReg sets UpperFilters.",
                    location: Location(file: "Driver/toaster.inf", line: 58, column: 5, endLine: 59, endColumn: 21,
                                       byteRange: (filterStart + 4)..<(filterStart + 56), lineText: filterLine),
                    fix: Fix(title: "Declare the filter in [Toaster_Device.NT.Filters]", safety: .unsafe,
                             edits: [
                                 TextEdit(byteRange: filterStart..<(filterStart + 58), replacement: ""),
                                 TextEdit(byteRange: 2400..<2400,
                                          replacement: "[Toaster_Device.NT.Filters]\r\nAddFilter = ToasterFilter,,Toaster_Filter_Inst\r\n"),
                             ],
                             followUp: "AddFilter needs Windows 10 version 1903: decorate the Models section with NTamd64.10.0...18362."),
                    scope: FindingScope(ranges: [
                        FindingScope.Range(architecture: .amd64, lowest: WindowsVersion(major: 10, minor: 0, build: 16299), upperBound: nil),
                        FindingScope.Range(architecture: .x86, lowest: nil, upperBound: WindowsVersion(major: 10, minor: 0, build: 22000)),
                    ])),
            Finding(rule: "obsolete-registry-value", codes: [1320], level: .warning,
                    message: "The MediaCategories value Display is obsolete.",
                    location: Location(file: "Driver/toaster.inf", line: 42, column: obsolete.start,
                                       endColumn: obsolete.end,
                                       byteRange: (obsoleteStart + obsolete.start - 1)..<(obsoleteStart + obsolete.end - 1),
                                       lineText: obsoleteLine),
                    fix: Fix(title: "Delete the obsolete value", safety: .safe,
                             edits: [TextEdit(byteRange: obsoleteStart..<(obsoleteStart + obsoleteLine.utf8.count + 2),
                                              replacement: "")])),
        ]
    }

    /// The sample run, in `mode`.
    static func report(mode: Mode = .isolation) -> Report {
        Report(findings: findings, rules: rules, filesChecked: 3, duration: .milliseconds(412), mode: mode,
               toolVersion: "0.1.0", checkedFiles: ["Driver/toaster.inf", "Legacy/old.inf", "Pkgs/Grüße, 100%: v2/drv.inf"])
    }

    /// The 1-based UTF-16 start and end (exclusive) columns of `needle` in `line`.
    static func columns(of needle: String, in line: String) -> (start: Int, end: Int) {
        guard let range = line.firstRange(of: needle) else { fatalError("\(needle) is not in \(line)") }
        let start = line.utf16.distance(from: line.startIndex, to: range.lowerBound) + 1
        return (start, start + needle.utf16.count)
    }
}
