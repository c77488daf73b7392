import Findings
import INFModel
import IsolationEngine

/// AutoLogger sessions written under `Control\WMI\Autologger`.
public struct AutologgerViaRegistry: GlobalKeyRule {
    public static let description = RuleDescription(
        name: "autologger-via-registry", codes: [1320, 1321],
        title: "An AutoLogger session is configured through the registry",
        why: "AutoLogger keys are global state shared by every trace session on the machine.",
        fix: "Declare the session with AddAutoLogger in a DDInstall.Events section (Windows 11).",
        levels: levels("E E* - -"), fixable: true, group: .registry)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        ↓HKLM, SYSTEM\\CurrentControlSet\\Control\\WMI\\Autologger\\Contoso, Start, 0x00010001, 1
        ↓HKLM, SYSTEM\\CurrentControlSet\\Control\\WMI\\Autologger\\Contoso\\{11111111-2222-3333-4444-555555555555}, , 0x00000010
        """),
    ]

    public static let fixExamples = [
        FixExample(
            before: """
            [Version]
            Signature = "$Windows NT$"
            [Install]
            AddReg = Reg
            [Reg]
            HKLM, SYSTEM\\CurrentControlSet\\Control\\WMI\\Autologger\\ContosoTrace, Guid, , "{22222222-3333-4444-5555-666666666666}"
            HKLM, SYSTEM\\CurrentControlSet\\Control\\WMI\\Autologger\\ContosoTrace, Start, 0x00010001, 1
            HKLM, SYSTEM\\CurrentControlSet\\Control\\WMI\\Autologger\\ContosoTrace, BufferSize, 0x00010001, 64
            HKLM, SYSTEM\\CurrentControlSet\\Control\\WMI\\Autologger\\ContosoTrace\\{11111111-2222-3333-4444-555555555555}, Enabled, 0x00010001, 1
            HKLM, SYSTEM\\CurrentControlSet\\Control\\WMI\\Autologger\\ContosoTrace\\{11111111-2222-3333-4444-555555555555}, EnableLevel, 0x00010001, 4
            """,
            after: """
            [Version]
            Signature = "$Windows NT$"
            [Install]
            AddReg = Reg
            [Reg]

            [Install.Events]
            AddAutoLogger = ContosoTrace, {22222222-3333-4444-5555-666666666666}, ContosoTrace_AutoLogger

            [ContosoTrace_AutoLogger]
            Start = 1
            BufferSize = 64
            AddAutoLoggerProvider = {11111111-2222-3333-4444-555555555555}, ContosoTrace_AutoLoggerProvider1

            [ContosoTrace_AutoLoggerProvider1]
            Enabled = 1
            EnableLevel = 4
            """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.Events]
        AddAutoLogger = Contoso, {11111111-2222-3333-4444-555555555555}, Logger
        [Logger]
        Start = 1
        """),
    ]

    public init() {}

    static func matches(_ path: GlobalRegistryPath) -> Bool { if case .autologger = path { return true }; return false }

    public func check(_ context: RuleContext) -> [Violation] {
        let entries = context.uniqueRegistryEntries.filter {
            if case .autologger? = GlobalRegistryPath.classify($0.entry) { return true }
            return false
        }
        let fixes = Self.fixes(context, entries: entries)
        return entries.map { item in
            Self.violation(context, item.entry, fix: fixes[item.entry.line.syntaxIndex])
        }
    }

    /// Session settings AddAutoLogger takes, and provider settings AddAutoLoggerProvider takes.
    static let sessionValues: Set<String> = ["start", "buffersize", "flushtimer", "logfilemode", "maximumbuffers", "minimumbuffers", "clocktype", "maxfilesize", "filemax"]
    static let providerValues: Set<String> = ["enabled", "enablelevel", "matchanykeyword", "matchallkeyword", "enableproperty"]

    /// One fix per session, carried by its first line: the session's lines become an AddAutoLogger
    /// with its providers in the DDInstall's .Events section.
    static func fixes(_ context: RuleContext, entries: [ContextualRegistryEntry]) -> [Int: UnitFix] {
        var sessions: [String: [ContextualRegistryEntry]] = [:]
        var order: [String] = []
        for item in entries {
            guard let parts = EventsSectionFix.components(of: item.entry.subkey, after: ["control", "wmi", "autologger"]),
                  let name = parts.first else { continue }
            if sessions[name.lowercased()] == nil { order.append(name.lowercased()) }
            sessions[name.lowercased(), default: []].append(item)
        }
        var result: [Int: UnitFix] = [:]
        for key in order {
            guard let lines = sessions[key], let first = lines.first, let install = EventsSectionFix.installSection(of: first),
                  let name = EventsSectionFix.components(of: first.entry.subkey, after: ["control", "wmi", "autologger"])?.first else { continue }
            var guid: String?
            var settings: [String] = []
            var providers: [(String, [String])] = []
            var complete = true
            for item in lines {
                let below = EventsSectionFix.components(of: item.entry.subkey, after: ["control", "wmi", "autologger"]) ?? []
                let valueName = item.entry.valueName ?? ""
                guard let value = EventsSectionFix.value(item.entry) else { complete = false; break }
                if below.count == 1 {
                    if valueName.lowercased() == "guid" { guid = value.trimmingCharacters(in: "\"") }
                    else if sessionValues.contains(valueName.lowercased()) { settings.append("\(valueName) = \(value)") }
                    else { complete = false }
                } else if below.count == 2, providerValues.contains(valueName.lowercased()) {
                    if let index = providers.firstIndex(where: { CaseInsensitive.equal($0.0, below[1]) }) {
                        providers[index].1.append("\(valueName) = \(value)")
                    } else {
                        providers.append((below[1], ["\(valueName) = \(value)"]))
                    }
                } else {
                    complete = false
                }
            }
            guard complete, let guid else { continue }
            let sessionSection = context.unusedSectionName("\(name)_AutoLogger")
            var sections: [(String, [String])] = []
            var body = settings
            for (index, provider) in providers.enumerated() {
                let providerSection = context.unusedSectionName("\(name)_AutoLoggerProvider\(index + 1)")
                body.append("AddAutoLoggerProvider = \(provider.0), \(providerSection)")
                sections.append((providerSection, provider.1))
            }
            sections.insert((sessionSection, body), at: 0)
            result[first.entry.line.syntaxIndex] = UnitFix(
                title: "Declare the session with AddAutoLogger in [\(install).Events]", safety: .unsafe,
                edits: EventsSectionFix.edits(context, install: install, eventLines: ["AddAutoLogger = \(name), \(guid), \(sessionSection)"],
                                              sections: sections, deleting: lines.map(\.entry.line)),
                followUp: "AddAutoLogger needs Windows 11 (build 22000): the Models section needs a NT<arch>.10.0...22000 decoration.")
        }
        return result
    }
    static func message(_ entry: RegistryEntry) -> String {
        "An AutoLogger session is configured by writing '\(entry.subkey)'; declare it with AddAutoLogger in a DDInstall.Events section"
    }
}
