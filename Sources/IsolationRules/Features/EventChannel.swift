import Findings
import INFModel
import IsolationEngine

/// AddChannel entries of an event-provider install section: the channel type, the channel name and
/// the values of the channel-install section.
public struct EventChannel: Rule {
    public static let description = RuleDescription(
        name: "event-channel", codes: [1081, 1180, 1181],
        title: "An event channel has an invalid type, name or setting",
        why: "The event log creates a provider's channels from its AddChannel entries: the type must be 1 (Admin), 2 (Operational), 3 (Analytic) or 4 (Debug), the name must be unique in the provider, shorter than 255 characters and free of > < & \" | \\ : ` ? *, and the channel-install section may only hold the documented values. InfVerif's messages tell the codes apart: a value repeated across the channels of a provider is 1180, a value that cannot be used with another (LoggingAutoBackup 1 without sequential retention) 1181, and any other invalid value is an invalid directive argument, 1081.",
        fix: "Correct the AddChannel type or name, or the channel-install value: Isolation 1–3, Enabled 0 or 1, a numeric Value, LoggingMaxSize of at least 1 MB, LoggingRetention 1 or 2, LoggingAutoBackup 0 or 1 (1 only with sequential retention on an Admin or Operational channel), Access an SDDL string.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.Events]
        AddEventProvider = {11111111-2222-3333-4444-555555555555}, Provider_Inst
        [Provider_Inst]
        ProviderName = Contoso-Driver
        ResourceFile = %13%\\contoso.sys
        AddChannel = Contoso-Driver/Admin, ↓5
        AddChannel = ↓Contoso:Driver/Operational, 2
        AddChannel = Contoso-Driver/Analytic, 3, Channel_Inst
        [Channel_Inst]
        Isolation = ↓4
        Enabled = ↓yes
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.Events]
        AddEventProvider = {11111111-2222-3333-4444-555555555555}, Provider_Inst
        [Provider_Inst]
        ProviderName = Contoso-Driver
        ResourceFile = %13%\\contoso.sys
        AddChannel = Contoso-Driver/Admin, 1, Channel_Inst
        AddChannel = ↓Contoso-Driver/Admin, 2
        [Channel_Inst]
        LoggingRetention = 1
        LoggingAutoBackup = ↓1
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.Events]
        AddEventProvider = {11111111-2222-3333-4444-555555555555}, Provider_Inst
        [Provider_Inst]
        ProviderName = Contoso-Driver
        ResourceFile = %13%\\contoso.sys
        ImportChannel = System
        AddChannel = Contoso-Driver/Admin, 0x1, Channel_Inst
        AddChannel = Contoso-Driver/Debug, 4
        [Channel_Inst]
        Isolation = 2
        Access = "D:(A;;0x3;;;SY)"
        Enabled = 1
        Value = 17
        LoggingMaxSize = 20971520
        LoggingRetention = 2
        LoggingAutoBackup = 1
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        var seenProviders = Set<String>()
        for provider in context.targets(of: "AddEventProvider", field: 2) {
            guard let section = provider.section, seenProviders.insert(section.foldedName).inserted else { continue }
            var names = Set<String>()
            for line in section.lines {
                guard let key = line.key, line.hasExplicitKey else { continue }
                let isAdd = CaseInsensitive.equal(key, "AddChannel")
                guard isAdd || CaseInsensitive.equal(key, "ImportChannel") else { continue }
                let name = trimmed(line.field(1) ?? "")
                if let problem = Self.nameProblem(name, seen: names) {
                    // InfVerif's 1180 is a value repeated across the channels of a provider.
                    let repeated = names.contains(name.lowercased())
                    result.append(Violation(range: context.range(of: line, field: 1),
                                            message: "Channel name '\(name)' \(problem)", code: repeated ? 1180 : 1081,
                                            infVerifValues: repeated ? [section.name, name, section.name] : [key, "channel name", name]))
                }
                names.insert(name.lowercased())
                guard isAdd else { continue }
                let typeText = trimmed(line.field(2) ?? "")
                let type = IntegerField(parsing: typeText).int32
                if type.map({ !(1...4).contains($0) }) ?? true {
                    result.append(Violation(range: context.range(of: line, field: 2),
                                            message: "Channel type '\(typeText)' of '\(name)' is not 1 (Admin), 2 (Operational), 3 (Analytic) or 4 (Debug)",
                                            code: 1081, infVerifValues: [key, "channel type", typeText]))
                }
                if let channelName = line.field(3).map(trimmed), !channelName.isEmpty,
                   let channel = context.document.section(named: channelName) {
                    result += channelProblems(context, channel, type: type)
                }
            }
        }
        return result
    }

    /// Why a channel name is invalid, if it is.
    static func nameProblem(_ name: String, seen: Set<String>) -> String? {
        if name.isEmpty { return "is empty" }
        if name.count > FeatureKnowledge.channelNameLimit { return "is 255 characters or longer" }
        if let bad = name.first(where: { FeatureKnowledge.channelNameForbidden.contains($0) || ($0.asciiValue.map { $0 < 32 } ?? false) }) {
            return "may not hold '\(bad)'"
        }
        if seen.contains(name.lowercased()) { return "is listed twice in the provider" }
        return nil
    }

    /// The invalid values of a channel-install section.
    private func channelProblems(_ context: RuleContext, _ section: INFSection, type: Int32?) -> [Violation] {
        var result: [Violation] = []
        func number(_ key: String) -> (line: INFLine, text: String, value: Int64?)? {
            guard let line = section.firstLine(withKey: key) else { return nil }
            let text = trimmed(line.field(1) ?? "")
            let value: Int64?
            switch IntegerField(parsing: text) {
            case .value(let v): value = Int64(v)
            case .outOfRange(let wide): value = wide
            case .invalid: value = nil
            }
            return (line, text, text.isEmpty ? nil : value)
        }
        func report(_ item: (line: INFLine, text: String, value: Int64?), _ expectation: String) {
            result.append(Violation(range: context.range(of: item.line, field: 1),
                                    message: "\(item.line.key ?? "") '\(item.text)' of channel section [\(section.name)] \(expectation)",
                                    code: 1081, infVerifValues: [item.line.key ?? "", "value", item.text]))
        }
        if let item = number("Isolation"), item.value.map({ !(1...3).contains($0) }) ?? true {
            report(item, "is not 1 (Application), 2 (System) or 3 (Custom)")
        }
        if let item = number("Enabled"), item.value.map({ !(0...1).contains($0) }) ?? true { report(item, "is not 0 or 1") }
        if let item = number("Value"), item.value == nil { report(item, "is not a number") }
        if let item = number("LoggingMaxSize"), item.value.map({ $0 < Int64(FeatureKnowledge.channelMinimumLogSize) }) ?? true {
            report(item, "is not a size of at least 1 MB (1048576)")
        }
        let retention = number("LoggingRetention")
        if let item = retention, item.value.map({ !(1...2).contains($0) }) ?? true { report(item, "is not 1 (circular) or 2 (sequential)") }
        if let item = number("LoggingAutoBackup") {
            if item.value.map({ !(0...1).contains($0) }) ?? true {
                report(item, "is not 0 or 1")
            } else if item.value == 1, retention?.value != 2 || type.map({ $0 > 2 }) == true {
                // InfVerif's 1181: a value that cannot be used with another.
                let other = retention?.value != 2 ? ("LoggingRetention", retention?.text ?? "1") : ("type", "\(type ?? 0)")
                result.append(Violation(range: context.range(of: item.line, field: 1),
                                        message: "\(item.line.key ?? "") '\(item.text)' of channel section [\(section.name)] may be 1 only with LoggingRetention 2 on an Admin or Operational channel",
                                        code: 1181, infVerifValues: [item.line.key ?? "LoggingAutoBackup", item.text, section.name, other.0, other.1]))
            }
        }
        if let line = section.firstLine(withKey: "Access") {
            let text = trimmed(line.field(1) ?? "")
            let prefixes = ["O:", "G:", "D:", "S:"]
            if !prefixes.contains(where: { text.uppercased().hasPrefix($0) }) {
                result.append(Violation(range: context.range(of: line, field: 1),
                                        message: "Access '\(text)' of channel section [\(section.name)] is not an SDDL security descriptor",
                                        code: 1081, infVerifValues: ["Access", "value", text]))
            }
        }
        return result
    }
}
