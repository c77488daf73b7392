import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge

/// ServiceBinary naming an inbox binary.
public struct InboxServiceBinary: Rule {
    public static let description = RuleDescription(
        name: "inbox-service-binary", codes: [2084],
        title: "ServiceBinary names an inbox driver directly",
        why: "Inbox drivers such as WUDFRd.sys or WinUSB.sys are configured by their own inbox INF; naming them directly duplicates and goes stale against Windows' own configuration.",
        fix: "Include the inbox INF and Needs its install, .Services (and, for wudfrd.inf, .HW) sections instead of adding the service yourself; wudfrd.inf ships with Windows 11 (build 22000) and later, so a Models range for older builds keeps AddService = WUDFRd.",
        levels: levels("E E W W"), fixable: true, group: .declarative)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Models, NTamd64.10.0...22000
        [Models.NTamd64.10.0...22000]
        %Desc% = Install, root\\sensor
        [Install.NT]
        CopyFiles = Files
        [Install.NT.Services]
        AddService = WUDFRd, 0x000001fa, WUDFRD_ServiceInstall
        [WUDFRD_ServiceInstall]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = ↓%12%\\WUDFRd.sys
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.Services]
        AddService = WinUsb, 0x000001fa, WinUsb_ServiceInstall
        [WinUsb_ServiceInstall]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = ↓%12%\\WinUSB.sys
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        Include = wudfrd.inf
        Needs = WUDFRD.NT
        [Install.Services]
        Include = wudfrd.inf
        Needs = WUDFRD.NT.Services
        """),
        // Windows 10 has no wudfrd.inf: there the package adds the reflector service itself.
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Models, NTamd64.10.0...17134
        [Models.NTamd64.10.0...17134]
        %Desc% = Install, root\\sensor
        [Install.NT]
        CopyFiles = Files
        [Install.NT.Services]
        AddService = WUDFRd, 0x000001fa, WUDFRD_ServiceInstall
        [WUDFRD_ServiceInstall]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %12%\\WUDFRd.sys
        """),
    ]

    public static let fixExamples = [
        FixExample(
            before: """
            [Version]
            Signature = "$Windows NT$"
            [Manufacturer]
            %Mfg% = Models, NTamd64.10.0...22000
            [Models.NTamd64.10.0...22000]
            %Desc% = Install, root\\sensor
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
            [Manufacturer]
            %Mfg% = Models, NTamd64.10.0...22000
            [Models.NTamd64.10.0...22000]
            %Desc% = Install, root\\sensor
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

            [Install.NT.HW]
            Include = wudfrd.inf
            Needs = WUDFRD.NT.HW
            """),
        // A section that already includes the inbox INF does not get a second Include.
        FixExample(
            before: """
            [Version]
            Signature = "$Windows NT$"
            [Install]
            Include = winusb.inf
            Needs = WINUSB.NT
            [Install.Services]
            AddService = WinUsb, 0x000001fa, WinUsb_ServiceInstall
            [WinUsb_ServiceInstall]
            ServiceType = 1
            StartType = 3
            ErrorControl = 1
            ServiceBinary = %12%\\WinUSB.sys
            """,
            after: """
            [Version]
            Signature = "$Windows NT$"
            [Install]
            Include = winusb.inf
            Needs = WINUSB.NT
            [Install.Services]
            Include = winusb.inf
            Needs = WINUSB.NT.Services
            [WinUsb_ServiceInstall]
            ServiceType = 1
            StartType = 3
            ErrorControl = 1
            ServiceBinary = %12%\\WinUSB.sys
            """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        serviceBinaries(context).compactMap { item -> Violation? in
            let name = fileName(of: item.value).lowercased()
            guard let inf = InboxKnowledge.serviceBinaries[name] else { return nil }
            let sections = servicesSections(context, adding: item.service).filter { Self.inboxINFExists(context, binary: name, servicesSection: $0.name) }
            // Where the inbox INF does not exist on every build the section installs on, adding the
            // service is the documented form (WUDFRd before Windows 11).
            guard !sections.isEmpty || servicesSections(context, adding: item.service).isEmpty && InboxKnowledge.inboxINFSince[name] == nil else {
                return nil
            }
            return Violation(range: context.range(of: item.line, field: 1),
                             message: "Service binary '\(fileName(of: item.value))' is an inbox driver; use Include/Needs of \(inf) instead",
                             fix: fix(context, binary: name, serviceName: item.service, sections: sections),
                             infVerifValues: [item.value])
        }
    }

    /// The `.Services` sections whose AddService adds `serviceName`.
    private func servicesSections(_ context: RuleContext, adding serviceName: String) -> [INFSection] {
        context.document.sections.filter { section in
            section.foldedName.hasSuffix(".services")
                && context.document.services(in: section).contains { CaseInsensitive.equal($0.name, serviceName) }
        }
    }

    /// Whether the inbox INF of `binary` exists on every build the DDInstall of `servicesSection`
    /// installs on: every Models range that reaches it (those holding the `--os` build, when one is
    /// given) starts at or above the build that ships the INF.
    static func inboxINFExists(_ context: RuleContext, binary: String, servicesSection: String) -> Bool {
        guard let since = InboxKnowledge.inboxINFSince[binary] else { return true }
        let install = String(servicesSection.dropLast(".Services".count))
        let reaches = context.deviceInstalls.filter { CaseInsensitive.equal($0.installSection, install) }
        return !reaches.isEmpty && reaches.allSatisfy { $0.range.lowest >= since }
    }

    /// Whether `section` holds `directive = value` (ignoring case).
    static func has(_ section: INFSection, _ directive: String, _ value: String) -> Bool {
        section.directiveValues(directive).contains { CaseInsensitive.equal($0.value, value) }
    }

    /// Replaces the AddService line with Include/Needs of the inbox INF, and adds the matching
    /// Include/Needs to the DDInstall section (and its `.HW` section where the inbox INF has one),
    /// never repeating a line the section already has.
    private func fix(_ context: RuleContext, binary: String, serviceName: String, sections: [INFSection]) -> UnitFix? {
        guard let include = InboxKnowledge.includes[binary] else { return nil }
        var edits: [(range: Range<Int>, replacement: String)] = []
        let newline = context.newline
        for section in sections {
            guard let line = context.document.services(in: section).first(where: { CaseInsensitive.equal($0.name, serviceName) })?.line,
                  let install = context.document.section(named: String(section.name.dropLast(".Services".count))),
                  let insertAt = context.insertionPoint(after: install) else { continue }
            var replacement: [String] = []
            if !Self.has(section, "Include", include.inf) { replacement.append("Include = \(include.inf)") }
            if !Self.has(section, "Needs", include.services) { replacement.append("Needs = \(include.services)") }
            if replacement.isEmpty {
                edits.append((context.fullLineRange(of: line), ""))
            } else {
                edits.append((context.range(of: line), replacement.joined(separator: newline)))
            }
            var added: [String] = []
            if !Self.has(install, "Include", include.inf) { added.append("Include = \(include.inf)") }
            if !Self.has(install, "Needs", include.install) { added.append("Needs = \(include.install)") }
            if !added.isEmpty {
                let prefix = context.needsNewlineBefore(insertAt) ? newline : ""
                edits.append((insertAt..<insertAt, prefix + added.map { $0 + newline }.joined()))
            }
            if let hwNeeds = InboxKnowledge.hardwareNeeds[binary] {
                let hwName = install.name + ".HW"
                if let hw = context.document.section(named: hwName) {
                    var hwLines: [String] = []
                    if !Self.has(hw, "Include", include.inf) { hwLines.append("Include = \(include.inf)") }
                    if !Self.has(hw, "Needs", hwNeeds) { hwLines.append("Needs = \(hwNeeds)") }
                    if !hwLines.isEmpty, let hwAt = context.insertionPoint(after: hw) {
                        let prefix = context.needsNewlineBefore(hwAt) ? newline : ""
                        edits.append((hwAt..<hwAt, prefix + hwLines.map { $0 + newline }.joined()))
                    }
                } else {
                    edits.append(context.appendingSection(hwName, lines: ["Include = \(include.inf)", "Needs = \(hwNeeds)"]))
                }
            }
        }
        guard !edits.isEmpty else { return nil }
        return UnitFix(title: "Include \(include.inf) and Needs its sections", safety: .unsafe, edits: edits,
                       followUp: "The service-install section of the inbox service is no longer used; delete it once the package installs as expected.")
    }
}
