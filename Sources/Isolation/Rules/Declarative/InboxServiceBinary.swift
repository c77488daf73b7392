import INFModel

/// ServiceBinary naming an inbox binary.
public struct InboxServiceBinary: Rule {
    public static let description = RuleDescription(
        name: "inbox-service-binary", codes: [2084, 2650],
        title: "ServiceBinary names an inbox driver directly",
        why: "Inbox drivers such as WUDFRd.sys or WinUSB.sys are configured by their own inbox INF; naming them directly duplicates and goes stale against Windows' own configuration.",
        fix: "Include the inbox INF and Needs its install and .Services sections instead of adding the service yourself.",
        levels: levels("E E W W"), fixable: true, group: "C")

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

    public static let fixExamples = [
        FixExample(
            before: """
            [Version]
            Signature = "$Windows NT$"
            [Install.NT]
            CopyFiles = Files
            [Install.NT.Services]
            AddService = WUDFRd, 0x000001fa, WUDFRD_ServiceInstall
            [WUDFRD_ServiceInstall]
            ServiceType = 1
            StartType = 3
            ErrorControl = 1
            ServiceBinary = %12%\\WUDFRd.sys
            [Files]
            sensor.dll
            """,
            after: """
            [Version]
            Signature = "$Windows NT$"
            [Install.NT]
            CopyFiles = Files
            Include = wudfrd.inf
            Needs = WUDFRD.NT
            [Install.NT.Services]
            Include = wudfrd.inf
            Needs = WUDFRD.NT.Services
            [WUDFRD_ServiceInstall]
            ServiceType = 1
            StartType = 3
            ErrorControl = 1
            ServiceBinary = %12%\\WUDFRd.sys
            [Files]
            sensor.dll
            """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        serviceBinaries(context).compactMap { item in
            let name = fileName(of: item.value).lowercased()
            guard let inf = InboxKnowledge.serviceBinaries[name] else { return nil }
            return Violation(range: context.range(of: item.line, field: 1),
                             message: "Service binary '\(fileName(of: item.value))' is an inbox driver; use Include/Needs of \(inf) instead",
                             fix: fix(context, binary: name, serviceName: item.service))
        }
    }

    /// Replaces the AddService line with Include/Needs of the inbox INF, and adds the matching
    /// Include/Needs to the DDInstall section.
    private func fix(_ context: RuleContext, binary: String, serviceName: String) -> UnitFix? {
        guard let include = InboxKnowledge.includes[binary] else { return nil }
        for section in context.document.sections where CaseInsensitive.fold(section.name).hasSuffix(".services") {
            guard let line = context.document.services(in: section).first(where: { CaseInsensitive.equal($0.name, serviceName) })?.line,
                  let install = context.document.section(named: String(section.name.dropLast(".Services".count))),
                  let insertAt = context.insertionPoint(after: install) else { continue }
            var edits: [(range: Range<Int>, replacement: String)] = [
                (context.range(of: line), "Include = \(include.inf)\(context.newline)Needs = \(include.services)"),
            ]
            let hasNeeds = install.directiveValues("Needs").contains { CaseInsensitive.equal($0.value, include.install) }
            if !hasNeeds {
                let prefix = context.needsNewlineBefore(insertAt) ? context.newline : ""
                edits.append((insertAt..<insertAt, prefix + "Include = \(include.inf)\(context.newline)Needs = \(include.install)\(context.newline)"))
            }
            return UnitFix(title: "Include \(include.inf) and Needs its sections", safety: .unsafe, edits: edits,
                           followUp: "The service-install section of the inbox service is no longer used; delete it once the package installs as expected.")
        }
        return nil
    }
}
