import Findings
import INFModel
import IsolationEngine

/// An AddSoftware install section whose SoftwareBinary lies outside the package, or that lacks an
/// entry its SoftwareType requires.
public struct SoftwareInstallSection: Rule {
    public static let description = RuleDescription(
        name: "software-install-section", codes: [1141, 1142],
        title: "An AddSoftware section is incomplete or runs a binary outside the package",
        why: "Windows runs the SoftwareBinary of an AddSoftware section from the driver store, so its path must be relative to the package (a bare name, a subfolder or %13%); and it needs the entries its SoftwareType requires: SoftwareBinary and SoftwareVersion for type 1, SoftwareID for type 2.",
        fix: "Give SoftwareBinary as a file of the package (copied with DestinationDirs 13), and add the entries the SoftwareType requires.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.Software]
        AddSoftware = ContosoPanel,, Panel_Software
        [Panel_Software]
        SoftwareType = 1
        SoftwareBinary = ↓%16422%\\Contoso\\panel.exe
        SoftwareVersion = 1.0.0.0
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.Software]
        AddSoftware = ContosoPanel,, Panel_Software
        AddSoftware = ContosoApp,, App_Software
        [Panel_Software]
        SoftwareType = ↓1
        SoftwareBinary = panel.exe
        [App_Software]
        SoftwareType = ↓2
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.Software]
        AddSoftware = ContosoPanel,, Panel_Software
        AddSoftware = ContosoApp,, App_Software
        [Panel_Software]
        SoftwareType = 1
        SoftwareBinary = %13%\\panel.exe
        SoftwareVersion = 1.0.0.0
        [App_Software]
        SoftwareType = 2
        SoftwareID = pfn://Contoso.Panel_1234abcd
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        var seen = Set<String>()
        for target in context.targets(of: "AddSoftware", field: 3) {
            guard let section = target.section, seen.insert(section.foldedName).inserted else { continue }
            if let binary = section.firstLine(withKey: "SoftwareBinary"), let path = binary.field(1),
               !Self.isPackageRelative(path) {
                result.append(Violation(range: context.range(of: binary, field: 1),
                                        message: "SoftwareBinary '\(path)' of [\(section.name)] must be a path relative to the driver package",
                                        code: 1141, infVerifValues: [path]))
            }
            guard let typeLine = section.firstLine(withKey: "SoftwareType") else {
                if let header = context.headerRange(of: section) {
                    result.append(Violation(range: header, message: "Software-install section [\(section.name)] has no SoftwareType", code: 1142,
                                            infVerifValues: [section.name, "not set", "SoftwareType"]))
                }
                continue
            }
            let required: [String]
            switch IntegerField(parsing: trimmed(typeLine.field(1) ?? "")).int32 {
            case 1: required = ["SoftwareBinary", "SoftwareVersion"]
            case 2: required = ["SoftwareID"]
            default: required = []
            }
            let missing = required.filter { key in
                section.firstLine(withKey: key).map { trimmed($0.field(1) ?? "").isEmpty } ?? true
            }
            guard !missing.isEmpty else { continue }
            result.append(Violation(range: context.range(of: typeLine, field: 1),
                                    message: "SoftwareType \(trimmed(typeLine.field(1) ?? "")) of [\(section.name)] requires \(missing.joined(separator: " and "))",
                                    code: 1142, infVerifValues: [section.name, trimmed(typeLine.field(1) ?? ""), missing[0]]))
        }
        return result
    }

    /// Whether a SoftwareBinary path names a file of the package: no DIRID other than 13, not absolute,
    /// and no `..` step out of the package folder.
    static func isPackageRelative(_ path: String) -> Bool {
        var rest = trimmed(path).trimmingCharacters(in: "\"")
        if rest.hasPrefix("%") {
            let body = rest.dropFirst()
            guard let end = body.firstIndex(of: "%") else { return false }
            let dirid = String(body[..<end])
            guard IntegerField(parsing: dirid).int32 == 13, dirid.allSatisfy(\.isNumber) else { return false }
            rest = String(body[body.index(after: end)...])
            while rest.hasPrefix("\\") || rest.hasPrefix("/") { rest.removeFirst() }  // platform: not a host path (an INF path)
        }
        if rest.hasPrefix("\\") || rest.hasPrefix("/") { return false }  // platform: not a host path (an INF path)
        if rest.count >= 2, rest[rest.index(after: rest.startIndex)] == ":" { return false }
        let steps = rest.split(whereSeparator: { $0 == "\\" || $0 == "/" })
        return !rest.isEmpty && !steps.contains("..")
    }
}
