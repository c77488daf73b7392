import DriverPackage
import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge

/// Writes to `HKLM\SYSTEM\CurrentControlSet\Services\<svc>`.
public struct GlobalServiceKey: Rule {
    public static let description = RuleDescription(
        name: "global-service-key", codes: [1320, 1321],
        title: "A service key is written through HKLM",
        why: "A package's service state belongs in the service's own install section, written relative to the service (HKR\\Parameters); writing another service's key modifies state the package does not own.",
        fix: "For a service this INF adds, move the line into the service-install section's AddReg as HKR,Parameters\\…; a package may not modify another service.",
        levels: levels("E E* - -"), fixable: true, group: .registry)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Install.Services]
        AddService = Contoso, 0x2, Service
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        AddReg = ServiceReg
        [ServiceReg]
        HKR, Parameters, A, 0x00010001, 1
        [Reg]
        ↓HKLM, SYSTEM\\CurrentControlSet\\Services\\Contoso\\Parameters, Level, 0x00010001, 4
        ↓HKLM, System\\CurrentControlSet\\Services\\Tcpip\\Parameters, Hack, 0x00010001, 1
        ↓HKLM, SYSTEM\\CurrentControlSet\\Services\\Contoso\\Parameters\\Tuning, , 0x00000010
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.Services]
        AddService = Contoso, 0x2, Service
        [Service]
        ServiceBinary = %13%\\contoso.sys
        AddReg = ServiceReg
        [ServiceReg]
        HKR, Parameters, Level, 0x00010001, 4
        """),
    ]

    public static let fixExamples = [
        FixExample(
            before: """
            [Version]
            Signature = "$Windows NT$"
            [Install]
            AddReg = Reg
            [Install.Services]
            AddService = Contoso, 0x2, Service
            [Service]
            ServiceType = 1
            StartType = 3
            ErrorControl = 1
            ServiceBinary = %13%\\contoso.sys
            AddReg = ServiceReg
            [ServiceReg]
            HKR, Parameters, A, 0x00010001, 1
            [Reg]
            HKLM, SYSTEM\\CurrentControlSet\\Services\\Contoso\\Parameters, Level, 0x00010001, 4
            HKR, , FriendlyName, , "Contoso"
            """,
            after: """
            [Version]
            Signature = "$Windows NT$"
            [Install]
            AddReg = Reg
            [Install.Services]
            AddService = Contoso, 0x2, Service
            [Service]
            ServiceType = 1
            StartType = 3
            ErrorControl = 1
            ServiceBinary = %13%\\contoso.sys
            AddReg = ServiceReg
            [ServiceReg]
            HKR, Parameters, A, 0x00010001, 1
            HKR, Parameters, Level, 0x00010001, 4
            [Reg]
            HKR, , FriendlyName, , "Contoso"
            """),
        FixExample(
            before: """
            [Version]
            Signature = "$Windows NT$"
            [Install]
            AddReg = Reg
            [Install.Services]
            AddService = Contoso, 0x2, Service
            [Service]
            ServiceType = 1
            StartType = 3
            ErrorControl = 1
            ServiceBinary = %13%\\contoso.sys
            [Reg]
            HKLM, SYSTEM\\CurrentControlSet\\Services\\Contoso, Tracing, 0x00010001, 1
            """,
            after: """
            [Version]
            Signature = "$Windows NT$"
            [Install]
            AddReg = Reg
            [Install.Services]
            AddService = Contoso, 0x2, Service
            [Service]
            ServiceType = 1
            StartType = 3
            ErrorControl = 1
            ServiceBinary = %13%\\contoso.sys
            AddReg = Contoso_ServiceReg
            [Reg]

            [Contoso_ServiceReg]
            HKR, Parameters, Tracing, 0x00010001, 1
            """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let services = context.services
        return context.uniqueRegistryEntries.compactMap { item in
            guard case .serviceKey(let name, let rest)? = GlobalRegistryPath.classify(item.entry) else { return nil }
            let infVerif = InfVerifValues.registryRoot(item.entry, mode: context.mode)
            let code = infVerif.code == 1321 ? 1321 : nil
            let own = services.first { CaseInsensitive.equal($0.install.name, name) }
            guard let own else {
                return Violation(range: context.range(of: item.entry.line, field: 1),
                                 message: "The line modifies the service '\(name)', which this INF does not add; a package may not modify another service",
                                 allowedInSignatureMode: true, code: code, infVerifValues: infVerif.values)
            }
            return Violation(range: context.range(of: item.entry.line, field: 1),
                             message: "Service '\(name)' state is written through HKLM; write it as HKR,\(Self.parametersKey(rest)) in the AddReg of [\(own.install.installSection ?? "its service-install section")]",
                             allowedInSignatureMode: true, fix: fix(context, entry: item.entry, service: own, rest: rest),
                             code: code, infVerifValues: infVerif.values)
        }
    }

    static func parametersKey(_ rest: String) -> String {
        let normalized = RegistryKnowledge.normalize(rest)
        if normalized == "parameters" || normalized.hasPrefix("parameters\\") { return rest }
        // Minifilter instances live below the service key itself, where Filter Manager reads them.
        if normalized == "instances" || normalized.hasPrefix("instances\\") { return rest }
        return rest.isEmpty ? "Parameters" : "Parameters\\\(rest)"
    }

    private func fix(_ context: RuleContext, entry: RegistryEntry, service: (install: ServiceInstall, section: ServiceInstallSection?), rest: String) -> UnitFix? {
        guard let section = service.section?.section else { return nil }
        let line = context.tree.lines[entry.line.syntaxIndex]
        guard line.fields.count >= 3 else { return nil }
        let restText = context.tree.text(of: line.fields[2].range.lowerBound..<context.range(of: entry.line).upperBound)
        let newLine = "HKR, \(Self.parametersKey(rest)), \(restText)"
        let deletion = (range: context.fullLineRange(of: entry.line), replacement: "")
        let followUp = "The driver must read the value from its Parameters key with IoOpenDriverRegistryKey(DriverRegKeyParameters) (Windows 10 1803+) or WdfDriverOpenParametersRegistryKey."
        if let target = section.directiveValues(.addReg).first.flatMap({ context.document.section(named: $0.value) }),
           let insertAt = context.insertionPoint(after: target) {
            let prefix = context.needsNewlineBefore(insertAt) ? context.newline : ""
            return UnitFix(title: "Move the line to [\(target.name)] as HKR,\(Self.parametersKey(rest))", safety: .unsafe,
                           edits: [deletion, (insertAt..<insertAt, prefix + newLine + context.newline)], followUp: followUp)
        }
        // No AddReg yet: name a new registry section from the service-install section and create it.
        guard section.directiveValues(.addReg).isEmpty, let insertAt = context.insertionPoint(after: section) else { return nil }
        let name = context.unusedSectionName("\(service.install.name)_ServiceReg")
        let prefix = context.needsNewlineBefore(insertAt) ? context.newline : ""
        return UnitFix(title: "Move the line to a new [\(name)] named by AddReg in [\(section.name)]", safety: .unsafe,
                       edits: [deletion, (insertAt..<insertAt, prefix + "AddReg = \(name)" + context.newline),
                               context.appendingSection(name, lines: [newLine])],
                       followUp: followUp)
    }
}
