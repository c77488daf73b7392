import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge

/// A registry line that writes or deletes under a key Windows owns.
public struct ProtectedRegistryKey: Rule {
    public static let description = RuleDescription(
        name: "protected-registry-key", codes: [1222, 1223],
        title: "The INF modifies a registry key Windows owns",
        why: "Plug and Play owns the device instance keys (Enum), the class and software keys (Control\\Class), the interface keys (Control\\DeviceClasses), device containers and migration data, and the kernel, the security subsystem, Setup and the driver store own HARDWARE, SAM, SECURITY, SYSTEM\\Setup and SYSTEM\\DriverDatabase; writing there by absolute path bypasses the owner, breaks when the layout changes and is refused even where HKLM\\SYSTEM\\CurrentControlSet is otherwise allowed.",
        fix: "Write device and driver settings with HKR from the DDInstall or DDInstall.HW section (and interface settings from the AddInterface section); leave the other keys to Windows.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT]
        AddReg = Install_AddReg
        [Install_AddReg]
        ↓HKLM, System\\CurrentControlSet\\Enum\\USB\\VID_045E&PID_0001, Setting, 0x00010001, 1
        ↓HKLM, SYSTEM\\Setup\\Contoso, Installed, 0x00010001, 1
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT]
        AddReg = Install_AddReg
        [Install.NT.HW]
        AddReg = Install_HW_AddReg
        [Install_AddReg]
        HKR, , Setting, 0x00010001, 1
        [Install_HW_AddReg]
        HKR, , Setting, 0x00010001, 1
        """),
    ]

    public init() {}

    /// The protected key `subkey` (of HKLM) lies under, and whether it is under CurrentControlSet.
    static func protectedKey(_ subkey: String) -> (key: String, underControlSet: Bool)? {
        let normalized = RegistryKnowledge.normalize(subkey)
        let parts = normalized.split(ascii: "\\", maxSplits: 2, omittingEmptySubsequences: false)
        if parts.count >= 2, parts[0] == "system", parts[1] == "currentcontrolset" || parts[1].hasPrefix("controlset") {
            let rest = parts.count == 3 ? String(parts[2]) : ""
            for (key, folded) in Self.plugAndPlayControlSetKeys where RegistryKnowledge.isNormalizedKey(rest, atOrBelow: folded) {
                let spelled = subkey.split(whereSeparator: { $0 == "\\" })
                return ("HKLM\\\(spelled[0])\\\(spelled[1])\\\(key)", true)
            }
            return nil
        }
        for (key, folded) in Self.systemOwnedKeys where RegistryKnowledge.isNormalizedKey(normalized, atOrBelow: folded) {
            return ("HKLM\\\(key)", false)
        }
        return nil
    }

    /// The keys Plug and Play owns under a control set, each with its normalized form.
    private static let plugAndPlayControlSetKeys = ServiceRegistryKnowledge.plugAndPlayControlSetKeys.map {
        ($0, RegistryKnowledge.normalize($0))
    }

    /// The keys the system owns under HKLM, each with its normalized form.
    private static let systemOwnedKeys = ServiceRegistryKnowledge.systemOwnedKeys.map { ($0, RegistryKnowledge.normalize($0)) }

    /// `HKLM\\SYSTEM\\Setup` as InfVerif's two values, the root and the subkey.
    static func rootAndSubkey(_ key: String) -> [String] {
        guard let slash = key.firstIndex(of: "\\") else { return [key, ""] }
        return [String(key[..<slash]), String(key[key.index(after: slash)...])]
    }

    public func check(_ context: RuleContext) -> [Violation] {
        context.uniqueRegistryEntries.compactMap { item in
            let entry = item.entry
            guard entry.root == .localMachine, let found = Self.protectedKey(entry.subkey) else { return nil }
            if found.underControlSet {
                return Violation(range: context.range(of: entry.line, field: 1),
                                 message: "Cannot modify \(found.key) registry keys, although HKLM\\SYSTEM\\CurrentControlSet is allowed",
                                 code: 1222, infVerifValues: Self.rootAndSubkey(found.key))
            }
            return Violation(range: context.range(of: entry.line, field: 1),
                             message: "Cannot modify the registry key \(found.key)", code: 1223,
                             infVerifValues: Self.rootAndSubkey(found.key))
        }
    }
}
