import DriverPackage
import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge

/// Registry lines whose root is not HKR.
public struct RegistryRootNotHKR: Rule {
    public static let description = RuleDescription(
        name: "registry-root-not-hkr", codes: [1320, 1321, 1304, 1224],
        title: "A registry line is not relative to the device, interface or service",
        why: "An isolated package keeps its registry state under HKR (the device, interface or service key), so that it is removed with the device and never collides with another package.",
        fix: "Write the value with HKR in the DDInstall (software key), DDInstall.HW (hardware key), the service's install section (Parameters) or the interface's section, and have the driver read it with the matching API (IoOpenDeviceRegistryKey, IoOpenDriverRegistryKey, WdfDeviceOpenRegistryKey…).",
        levels: levels("E E* W W"), fixable: false, group: .registry,
        codeInMode: [.universal: 1304, .declarative: 1304, .desktop: 1304])

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        ↓HKLM, SOFTWARE\\Contoso\\Driver, Level, 0x00010001, 4
        ↓HKCU, Software\\Contoso, , 0x10
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        ↓HKEY_LOCAL_MACHINE, SOFTWARE\\Contoso\\Driver, Level, 0x00010001, 4
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        HKR, , Level, 0x00010001, 4
        HKLM, SYSTEM\\CurrentControlSet\\Services\\Contoso\\Parameters, Level, 0x00010001, 4
        HKCR, CLSID\\{11111111-2222-3333-4444-555555555555}, , , "Contoso"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        context.uniqueRegistryEntries.compactMap { item in
            let entry = item.entry
            guard entry.root != .relative, GlobalRegistryPath.classify(entry) == nil else { return nil }
            let key = entry.subkey.isEmpty ? entry.root.shortName : "\(entry.root.shortName)\\\(entry.subkey)"
            var message: String
            // /w and /h tell key operations (1320) from value operations (1321); /k and /u report both as 1304.
            let reportsOperations = context.mode == .isolation || context.mode == .signature
            var code: Int? = nil
            if let value = entry.valueName, !entry.isKeyOnly, entry.operation != .delReg || !value.isEmpty {
                message = "Registry root (\(key)) of value '\(value.isEmpty ? "(Default)" : value)' is not isolated to HKR"
                if reportsOperations { code = 1321 }
            } else {
                message = "Registry root '\(key)' is not isolated to HKR"
            }
            if case .unknown = entry.root {
                message += "; SetupAPI does not know the root '\(entry.rootText)' and skips the line"
                code = 1224
            } else if entry.rootText.uppercased().hasPrefix("HKEY_") {
                message += "; SetupAPI does not accept the long spelling '\(entry.rootText)' and skips the line"
                code = 1224
            }
            let values = code == 1224 ? [entry.rootText] : InfVerifValues.registryRoot(entry, mode: context.mode).values
            return Violation(range: context.range(of: entry.line, field: 1), message: message,
                             allowedInSignatureMode: RegistryKnowledge.isSignatureException(root: entry.root, subkey: entry.subkey),
                             code: code, infVerifValues: values)
        }
    }
}
