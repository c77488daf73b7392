import DriverPackage
import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge

/// A service-install AddReg writing HKR outside the `Parameters` subtree.
public struct ServiceKeyOutsideParameters: Rule {
    public static let description = RuleDescription(
        name: "service-key-outside-parameters", codes: [1323],
        title: "A service's registry state is written outside Parameters",
        why: "The service key belongs to the service control manager; a package's own service state lives in the Parameters subkey, which the driver opens with IoOpenDriverRegistryKey or WdfDriverOpenParametersRegistryKey.",
        fix: "Prefix the subkey with Parameters\\ and read it in the driver with IoOpenDriverRegistryKey(DriverRegKeyParameters) (Windows 10 1803+) or WdfDriverOpenParametersRegistryKey.",
        levels: levels("E E - -"), fixable: true, group: .registry)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.Services]
        AddService = Contoso, 0x2, Service
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        AddReg = ServiceReg
        [ServiceReg]
        HKR, ↓Settings, BufferSize, 0x00010001, 4096
        HKR, ↓, Tuning, 0x00010001, 1
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.Services]
        AddService = Contoso, 0x2, Service
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        AddReg = ServiceReg
        [ServiceReg]
        HKR, Parameters, BufferSize, 0x00010001, 4096
        HKR, Parameters\\Wdf, Verbose, 0x00010001, 1
        HKR, Instances\\Contoso, Altitude, 0x00000000, 370000
        """),
    ]

    public static let fixExamples = [
        FixExample(
            before: """
            [Version]
            Signature = "$Windows NT$"
            [Install.Services]
            AddService = Contoso, 0x2, Service
            [Service]
            ServiceType = 1
            StartType = 3
            ErrorControl = 1
            ServiceBinary = %13%\\contoso.sys
            AddReg = ServiceReg
            [ServiceReg]
            HKR, Settings, BufferSize, 0x00010001, 4096
            HKR, , Tuning, 0x00010001, 1
            """,
            after: """
            [Version]
            Signature = "$Windows NT$"
            [Install.Services]
            AddService = Contoso, 0x2, Service
            [Service]
            ServiceType = 1
            StartType = 3
            ErrorControl = 1
            ServiceBinary = %13%\\contoso.sys
            AddReg = ServiceReg
            [ServiceReg]
            HKR, Parameters\\Settings, BufferSize, 0x00010001, 4096
            HKR, Parameters, Tuning, 0x00010001, 1
            """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        context.registryEntries.compactMap { item in
            guard case .serviceKey(let service) = item.context, item.entry.root == .relative else { return nil }
            let subkey = item.entry.normalizedSubkey
            if subkey == "parameters" || subkey.hasPrefix("parameters\\") { return nil }
            // Minifilter instances (Altitude, Flags) are read by Filter Manager below the service key.
            if subkey == "instances" || subkey.hasPrefix("instances\\") { return nil }
            if subkey.isEmpty, let value = item.entry.valueName,
               RegistryKnowledge.intrinsicServiceValues.keys.contains(value.lowercased()) { return nil }
            let shown = item.entry.subkey.isEmpty ? "the service key itself" : "'\(item.entry.subkey)'"
            var fix: UnitFix?
            if let token = context.document.token(of: item.entry.line, field: 2), !token.isQuoted {
                let newKey = item.entry.subkey.isEmpty ? "Parameters" : "Parameters\\\(item.entry.subkey)"
                let range = token.range.isEmpty ? token.range : token.range
                fix = UnitFix(title: "Move the value under Parameters", safety: .unsafe, edits: [(range, newKey)],
                              followUp: "The driver must now read '\(newKey)' below its service key with IoOpenDriverRegistryKey(DriverRegKeyParameters) (Windows 10 1803+) or WdfDriverOpenParametersRegistryKey.")
            }
            return Violation(range: context.range(of: item.entry.line, field: 2),
                             message: "Service registry key \(shown) of service '\(service)' must be under the Parameters subkey",
                             fix: fix,
                             infVerifValues: [item.entry.subkey.isEmpty ? service : "\(service)\\\(item.entry.subkey)"])
        }
    }
}
