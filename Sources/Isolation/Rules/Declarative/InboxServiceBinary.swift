import INFModel

/// ServiceBinary naming an inbox binary.
public struct InboxServiceBinary: Rule {
    public static let description = RuleDescription(
        name: "inbox-service-binary", codes: [2084, 2650],
        title: "ServiceBinary names an inbox driver directly",
        why: "Inbox drivers such as WUDFRd.sys or WinUSB.sys are configured by their own inbox INF; naming them directly duplicates and goes stale against Windows' own configuration.",
        fix: "Include the inbox INF and Needs its install and .Services sections instead of adding the service yourself.",
        levels: levels("E E W W"), fixable: false, group: "C")

    public static let triggeringExamples = [
        """
        [Version]
        Signature = "$Windows NT$"
        [Install.Services]
        AddService = WUDFRd, 0x000001fa, WUDFRD_ServiceInstall
        [WUDFRD_ServiceInstall]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = ↓%12%\\WUDFRd.sys
        """,
    ]

    public static let nonTriggeringExamples = [
        """
        [Version]
        Signature = "$Windows NT$"
        [Install]
        Include = wudfrd.inf
        Needs = WUDFRD.NT
        [Install.Services]
        Include = wudfrd.inf
        Needs = WUDFRD.NT.Services
        """,
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        serviceBinaries(context).compactMap { item in
            let name = fileName(of: item.value).lowercased()
            guard let inf = InboxKnowledge.serviceBinaries[name] else { return nil }
            return Violation(range: context.range(of: item.line, field: 1),
                             message: "Service binary '\(fileName(of: item.value))' is an inbox driver; use Include/Needs of \(inf) instead")
        }
    }
}
