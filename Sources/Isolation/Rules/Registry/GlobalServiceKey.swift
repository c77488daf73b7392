import DriverPackage
import INFModel

/// Writes to `HKLM\SYSTEM\CurrentControlSet\Services\<svc>`.
public struct GlobalServiceKey: Rule {
    public static let description = RuleDescription(
        name: "global-service-key", codes: [1320],
        title: "A service key is written through HKLM",
        why: "A package's service state belongs in the service's own install section, written relative to the service (HKR\\Parameters); writing another service's key modifies state the package does not own.",
        fix: "For a service this INF adds, move the line into the service-install section's AddReg as HKR,Parameters\\…; a package may not modify another service.",
        levels: levels("E E* W W"), fixable: true, group: "B")

    public static let triggeringExamples = [
        """
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
        """,
    ]

    public static let nonTriggeringExamples = [
        """
        [Version]
        Signature = "$Windows NT$"
        [Install.Services]
        AddService = Contoso, 0x2, Service
        [Service]
        ServiceBinary = %13%\\contoso.sys
        AddReg = ServiceReg
        [ServiceReg]
        HKR, Parameters, Level, 0x00010001, 4
        """,
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let services = context.services
        return context.uniqueRegistryEntries.compactMap { item in
            guard case .serviceKey(let name, let rest)? = GlobalRegistryPath.classify(item.entry) else { return nil }
            let own = services.first { CaseInsensitive.equal($0.install.name, name) }
            guard let own else {
                return Violation(range: context.range(of: item.entry.line, field: 1),
                                 message: "The line modifies the service '\(name)', which this INF does not add; a package may not modify another service",
                                 allowedInSignatureMode: true)
            }
            return Violation(range: context.range(of: item.entry.line, field: 1),
                             message: "Service '\(name)' state is written through HKLM; write it as HKR,\(Self.parametersKey(rest)) in the AddReg of [\(own.install.installSection ?? "its service-install section")]",
                             allowedInSignatureMode: true, fix: fix(context, entry: item.entry, service: own, rest: rest))
        }
    }

    static func parametersKey(_ rest: String) -> String {
        let normalized = RegistryKnowledge.normalize(rest)
        if normalized == "parameters" || normalized.hasPrefix("parameters\\") { return rest }
        return rest.isEmpty ? "Parameters" : "Parameters\\\(rest)"
    }

    private func fix(_ context: RuleContext, entry: RegistryEntry, service: (install: ServiceInstall, section: ServiceInstallSection?), rest: String) -> UnitFix? {
        // Only when the service's install section already names an AddReg section to add the line to.
        guard let section = service.section?.section,
              let target = section.directiveValues("AddReg").first.flatMap({ context.document.section(named: $0.value) }),
              let insertAt = context.insertionPoint(after: target) else { return nil }
        let line = context.tree.lines[entry.line.syntaxIndex]
        guard let valueStart = line.fields.count >= 3 ? line.fields[2].range.lowerBound : nil else { return nil }
        let restText = context.tree.text(of: valueStart..<context.range(of: entry.line).upperBound)
        let newLine = "HKR, \(Self.parametersKey(rest)), \(restText)"
        let prefix = context.needsNewlineBefore(insertAt) ? context.newline : ""
        return UnitFix(title: "Move the line to [\(target.name)] as HKR,\(Self.parametersKey(rest))", safety: .unsafe,
                       edits: [(context.fullLineRange(of: entry.line), ""), (insertAt..<insertAt, prefix + newLine + context.newline)],
                       followUp: "The driver must read the value from its Parameters key with IoOpenDriverRegistryKey(DriverRegKeyParameters) (Windows 10 1803+) or WdfDriverOpenParametersRegistryKey.")
    }
}
