import DriverPackage
import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge

/// A special HKR value of a device or class key written with another type than the docs give it.
public struct WellKnownValueType: Rule {
    public static let description = RuleDescription(
        name: "well-known-value-type", codes: [1431],
        title: "A well-known device value has the wrong type",
        why: "Plug and Play reads DeviceCharacteristics, DeviceType and Exclusive as REG_DWORD, UpperFilters and LowerFilters as REG_MULTI_SZ, Security as a security descriptor and the property-page and resource values as strings; a value of another type is ignored or misread.",
        fix: "Use the type the AddReg special keywords take: 0x10001 for DeviceCharacteristics, DeviceType and Exclusive, 0x10000 for UpperFilters and LowerFilters, a string for Security, EnumPropPages32, LocationInformationOverride and the ResourcePicker values.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.HW]
        AddReg = Install_HW_AddReg
        [Install_HW_AddReg]
        HKR, , DeviceType, ↓0, "0x22"
        HKR, , Exclusive, ↓0x00000001, 01
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.HW]
        AddReg = Install_HW_AddReg
        [Install_HW_AddReg]
        HKR, , DeviceType, 0x10001, 0x22
        HKR, , Exclusive, 0x10001, 1
        HKR, , Security, , "D:P(A;;GA;;;SY)(A;;GA;;;BA)"
        HKR, Settings, DeviceType, 0, "custom"
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Modem.NT]
        AddReg = Modem_AddReg
        [Modem_AddReg]
        HKR, , DeviceType, 1, 01
        """),
    ]

    public init() {}

    /// The type flags a spelled type names (`REG_DWORD (0x10001)` gives `00010001`), as eight
    /// hexadecimal digits; `00000000` (REG_SZ) when it names none.
    static func typeFlags(_ spelled: String) -> String {
        guard let start = spelled.range(of: "0x") else { return "00000000" }
        let digits = spelled[start.upperBound...].prefix { $0.isHexDigit }.uppercased()
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        var seen = Set<Int>()
        for item in context.registryEntries {
            let isSoftwareKey: Bool
            switch item.context {
            case .deviceHardwareKey, .classKey: isSoftwareKey = false
            case .deviceSoftwareKey: isSoftwareKey = true
            default: continue
            }
            let entry = item.entry
            guard entry.operation == .addReg, entry.root == .relative, entry.normalizedSubkey.isEmpty,
                  entry.flags != nil, !entry.isIgnoredByAddReg, !entry.deletesValue, !entry.isKeyOnly,
                  let value = entry.valueName, let known = ServiceRegistryKnowledge.wellKnownValueTypes[value.lowercased()],
                  !(isSoftwareKey && known.deviceProperty), !known.types.contains(entry.valueType), seen.insert(entry.line.syntaxIndex).inserted else { continue }
            result.append(Violation(range: context.range(of: entry.line, field: 4),
                                    message: "'\(value)' is written as \(entry.valueType); it takes \(known.spelled)",
                                    infVerifValues: [value, Self.typeFlags(known.spelled)]))
        }
        return result
    }
}
