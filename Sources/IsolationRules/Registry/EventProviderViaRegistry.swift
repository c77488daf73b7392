import Findings
import INFModel
import IsolationEngine

/// ETW providers and channels registered through the registry.
public struct EventProviderViaRegistry: GlobalKeyRule {
    public static let description = RuleDescription(
        name: "event-provider-via-registry", codes: [1320, 1321],
        title: "An event provider is registered through the registry",
        why: "Writing WINEVT publisher or channel keys registers global state that is not removed with the package.",
        fix: "Declare the provider with AddEventProvider in a DDInstall.Events section (Windows 10 1809+).",
        levels: levels("E E* - -"), fixable: true, group: .registry)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        ↓HKLM, SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WINEVT\\Publishers\\{11111111-2222-3333-4444-555555555555}, , , "Contoso"
        ↓HKLM, SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WINEVT\\Channels\\Contoso-Driver/Admin, , 0x00000010
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
            HKLM, SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WINEVT\\Publishers\\{11111111-2222-3333-4444-555555555555}, , , "Contoso-Driver"
            HKLM, SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WINEVT\\Publishers\\{11111111-2222-3333-4444-555555555555}, ResourceFileName, 0x00020000, %13%\\contoso.sys
            HKLM, SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WINEVT\\Publishers\\{11111111-2222-3333-4444-555555555555}, MessageFileName, 0x00020000, %13%\\contoso.sys
            HKLM, SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WINEVT\\Publishers\\{11111111-2222-3333-4444-555555555555}\\ChannelReferences\\0, , , "Contoso-Driver/Analytic"
            HKLM, SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WINEVT\\Channels\\Contoso-Driver/Analytic, OwningPublisher, , "{11111111-2222-3333-4444-555555555555}"
            HKLM, SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WINEVT\\Channels\\Contoso-Driver/Analytic, Type, 0x00010001, 2
            HKLM, SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WINEVT\\Channels\\Contoso-Driver/Analytic, Enabled, 0x00010001, 0
            HKR, , FriendlyName, , "Contoso"
            """,
            after: """
            [Version]
            Signature = "$Windows NT$"
            [Install]
            AddReg = Reg
            [Reg]
            HKR, , FriendlyName, , "Contoso"

            [Install.Events]
            AddEventProvider = {11111111-2222-3333-4444-555555555555}, Install_EventProvider

            [Install_EventProvider]
            ProviderName = Contoso-Driver
            ResourceFile = %13%\\contoso.sys
            MessageFile = %13%\\contoso.sys
            AddChannel = Contoso-Driver/Analytic, 3, Install_Channel1

            [Install_Channel1]
            Enabled = 0
            """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.Events]
        AddEventProvider = {11111111-2222-3333-4444-555555555555}, Provider
        [Provider]
        ProviderName = Contoso-Driver
        ResourceFile = %13%\\contoso.sys
        MessageFile = %13%\\contoso.sys
        """),
    ]

    public init() {}

    static func matches(_ path: GlobalRegistryPath) -> Bool { if case .eventProvider = path { return true }; return false }

    public func check(_ context: RuleContext) -> [Violation] {
        let entries = context.uniqueRegistryEntries.filter {
            if case .eventProvider? = GlobalRegistryPath.classify($0.entry) { return true }
            return false
        }
        let fixes = Self.fixes(context, entries: entries)
        return entries.map { item in
            Self.violation(context, item.entry, fix: fixes[item.entry.line.syntaxIndex])
        }
    }

    /// One fix per provider, carried by its first line: the provider's and its channels' lines become
    /// an AddEventProvider in the DDInstall's .Events section.
    static func fixes(_ context: RuleContext, entries: [ContextualRegistryEntry]) -> [Int: UnitFix] {
        var providers: [String: [ContextualRegistryEntry]] = [:]
        var channels: [String: [ContextualRegistryEntry]] = [:]
        var order: [String] = []
        for item in entries {
            if let parts = EventsSectionFix.components(of: item.entry.subkey, after: ["winevt", "publishers"]), let guid = parts.first {
                let key = guid.lowercased()
                if providers[key] == nil { order.append(key) }
                providers[key, default: []].append(item)
            } else if let parts = EventsSectionFix.components(of: item.entry.subkey, after: ["winevt", "channels"]), let name = parts.first {
                channels[name.lowercased(), default: []].append(item)
            }
        }
        var result: [Int: UnitFix] = [:]
        for key in order {
            guard let lines = providers[key], let first = lines.first, let install = EventsSectionFix.installSection(of: first),
                  let guid = EventsSectionFix.components(of: first.entry.subkey, after: ["winevt", "publishers"])?.first else { continue }
            var name: String?, resource: String?, message: String?
            var channelNames: [String] = []
            var unknown = false
            for item in lines {
                let below = EventsSectionFix.components(of: item.entry.subkey, after: ["winevt", "publishers"]) ?? []
                let value = item.entry.valueName?.lowercased() ?? ""
                if below.count == 1 {
                    switch value {
                    case "": name = EventsSectionFix.value(item.entry)
                    case "resourcefilename": resource = EventsSectionFix.value(item.entry)
                    case "messagefilename": message = EventsSectionFix.value(item.entry)
                    default: unknown = true
                    }
                } else if below.count == 3, below[1].lowercased() == "channelreferences" {
                    if value.isEmpty, let channel = item.entry.data.first { channelNames.append(channel) }
                } else {
                    unknown = true
                }
            }
            guard !unknown, let providerName = name else { continue }
            let providerSection = context.unusedSectionName("\(install)_EventProvider")
            var body = ["ProviderName = \(providerName)"]
            if let resource { body.append("ResourceFile = \(resource)") }
            if let message { body.append("MessageFile = \(message)") }
            var sections: [(String, [String])] = []
            var deleted = lines.map(\.entry.line)
            var complete = true
            for (index, channel) in channelNames.enumerated() {
                guard let settings = channels[channel.lowercased()] else { complete = false; break }
                var type = 1
                var channelBody: [String] = []
                for item in settings {
                    switch item.entry.valueName?.lowercased() ?? "" {
                    case "type": type = (item.entry.data.first.flatMap { IntegerField(parsing: $0).int32 }.map(Int.init) ?? 0) + 1
                    case "owningpublisher": break
                    case "enabled": channelBody.append("Enabled = \(item.entry.data.first ?? "1")")
                    case "isolation": channelBody.append("Isolation = \(item.entry.data.first ?? "0")")
                    case "channelaccess": if let v = EventsSectionFix.value(item.entry) { channelBody.append("Access = \(v)") }
                    default: complete = false
                    }
                }
                let channelSection = context.unusedSectionName("\(install)_Channel\(index + 1)")
                body.append("AddChannel = \(channel), \(type), \(channelSection)")
                sections.append((channelSection, channelBody))
                deleted += settings.map(\.entry.line)
            }
            guard complete else { continue }
            sections.insert((providerSection, body), at: 0)
            result[first.entry.line.syntaxIndex] = UnitFix(
                title: "Declare the provider with AddEventProvider in [\(install).Events]", safety: .unsafe,
                edits: EventsSectionFix.edits(context, install: install, eventLines: ["AddEventProvider = \(guid), \(providerSection)"],
                                              sections: sections, deleting: deleted),
                followUp: "Event providers declared in .Events sections need Windows 10 version 1809 (build 17763): the Models section needs a NT<arch>.10.0...17763 decoration.")
        }
        return result
    }
    static func message(_ entry: RegistryEntry) -> String {
        "An ETW provider or channel is registered by writing '\(entry.subkey)'; declare it with AddEventProvider in a DDInstall.Events section"
    }
}
