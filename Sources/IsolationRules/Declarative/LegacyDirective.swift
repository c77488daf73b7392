import Findings
import INFModel
import IsolationEngine

/// Directives that declarative INFs may not use.
public struct LegacyDirective: Rule {
    public static let description = RuleDescription(
        name: "legacy-directive", codes: [1300, 1301, 1302, 1308, 1309, 1382],
        title: "A legacy, non-declarative directive is used",
        why: "Declarative INFs only add state that Windows can remove with the package; these directives delete, rename or run things outside the package and are ignored or rejected.",
        fix: "Remove the directive: install files with CopyFiles to DIRID 13, registry state with HKR AddReg, and do any other setup in the driver or a separately shipped application.",
        levels: levels("E E E E"), fixable: false, group: .declarative)

    /// The InfVerif code of each directive (in an extension INF, which must be a universal INF, every
    /// one of them is 1382, a directive not allowed in an extension INF): 1300 a deprecated directive, 1301 a legacy operation,
    /// 1302 an operation on something outside the package, 1308 and 1309 non-additive (deleting)
    /// registry and property operations. InfVerif's table does not publish which delete goes with which
    /// of 1308 and 1309; Isolint reports registry deletes as 1308 and property deletes as 1309.
    static let codes: [String: Int] = [
        "logconfig": 1300, "bitreg": 1301, "ini2reg": 1301, "profileitems": 1301, "registerdlls": 1301,
        "unregisterdlls": 1301, "updateinifields": 1301, "updateinis": 1301,
        "delfiles": 1302, "delservice": 1302, "renfiles": 1302, "delreg": 1308, "delproperty": 1309,
    ]

    /// InfVerif's values for `code`: the directive, and for an operation on something (1302, 1309)
    /// the sections or names it operates on; the detail InfVerif appends is not published and stays empty.
    static func infVerifValues(code: Int, directive: String, line: INFLine) -> [String] {
        switch code {
        case 1382: return [directive]
        case 1300: return [directive, "directive"]
        case 1302, 1309:
            let target = line.fields.filter { !$0.isEmpty }.joined(separator: ",")
            return [directive, target.isEmpty ? directive : target, ""]
        default: return [directive, ""]
        }
    }

    public static let directives = [
        "BitReg", "DelFiles", "DelProperty", "DelReg", "DelService", "Ini2Reg", "LogConfig", "ProfileItems",
        "RegisterDlls", "RenFiles", "UnregisterDlls", "UpdateIniFields", "UpdateInis",
    ]

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        CopyFiles = Files
        ↓DelFiles = Old_Files
        ↓RegisterDlls = Dlls
        ↓DelReg = Old_Reg
        [Files]
        a.sys
        [Old_Files]
        b.sys
        [Dlls]
        11,,x.dll,1
        [Old_Reg]
        HKR,,Obsolete
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        CopyFiles = Files
        ↓LogConfig = Config
        ↓DelProperty = Old_Properties
        [Files]
        a.sys
        [Config]
        IRQConfig = 5
        [Old_Properties]
        {a8b865dd-2e3d-4094-ad97-e593a70c75d6},5
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = Extension
        ClassGuid = {e2f84ce7-8efa-411c-aa69-97454ca4cb57}
        ExtensionId = {028b4317-f2e4-4fb2-80af-82ac8c07e98e}
        [Manufacturer]
        %Contoso% = Ext, NTamd64
        [Ext.NTamd64]
        %Desc% = Ext_Install, USB\\VID_1234&PID_5678
        [Ext_Install]
        ↓DelReg = Old_Reg
        [Old_Reg]
        HKR,,Obsolete
        [Strings]
        Contoso = "Contoso"
        Desc = "Contoso extension"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        CopyFiles = Files
        AddReg = Reg
        [Files]
        a.sys
        [Reg]
        HKR,,A,,B
        """),
        // A primitive INF's uninstall script for builds before 1903, which later builds ignore.
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = Software
        ClassGuid = {5c4c3332-344d-483c-8739-259e934c9cc8}
        [DefaultInstall.NTamd64]
        CopyFiles = Files
        LegacyUninstall = 1
        [DefaultInstall.NTamd64.Services]
        AddService = Tool, , Tool_Service
        [DefaultUninstall.NTamd64]
        DelFiles = Files
        DelReg = Tool_Reg
        [DefaultUninstall.NTamd64.Services]
        DelService = Tool, 0x200
        [Files]
        tool.sys
        [Tool_Reg]
        HKLM, Software\\Contoso\\Tool
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        // The legacy directives this file writes, by the number of their key: lines compare numbers.
        let keyNames = context.document.keyNames
        let written = Dictionary(Self.directives.compactMap { name in keyNames.id(of: name).map { ($0, name) } },
                                 uniquingKeysWith: { first, _ in first })
        guard !written.isEmpty else { return [] }
        let legacyUninstall = Self.hasLegacyUninstall(context.document)
        for section in context.document.sections where context.graph.roles(of: section).contains(where: \.isInstall) {
            if legacyUninstall && Self.isDefaultUninstall(section.name) { continue }
            for (line, number) in zip(section.lines, section.keyIDs) where line.hasExplicitKey {
                guard let directive = written[number] else { continue }
                let code = context.isExtensionINF ? 1382 : Self.codes[directive.lowercased()] ?? 1300
                result.append(Violation(range: context.range(of: line, field: 0),
                                        message: "Legacy directive '\(directive)' is not allowed in a declarative INF",
                                        code: code, infVerifValues: Self.infVerifValues(code: code, directive: directive, line: line)))
            }
        }
        return result
    }

    /// Whether a DefaultInstall section of the INF sets `LegacyUninstall = 1`: a primitive INF that keeps
    /// a `[DefaultUninstall]` script for builds before Windows 10 version 1903, which later builds (and
    /// InfVerif) ignore ("Creating a primitive driver").
    static func hasLegacyUninstall(_ document: INFDocument) -> Bool {
        document.sections.contains { section in
            let folded = section.foldedName
            guard folded == "defaultinstall" || folded.hasPrefix("defaultinstall.") else { return false }
            return section.lines.contains { line in
                line.key.map { CaseInsensitive.equal($0, "LegacyUninstall") } == true
                    && line.rawField(1).map { $0.trimmingCharacters(in: " \t") == "1" } == true
            }
        }
    }

    /// Whether `name` is a `[DefaultUninstall]` section or one of its decorated or `.Services` forms.
    static func isDefaultUninstall(_ name: String) -> Bool {
        let folded = CaseInsensitive.fold(name)
        return folded == "defaultuninstall" || folded.hasPrefix("defaultuninstall.")
    }
}
