import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge

/// An add-registry section with a `.Security` section that writes the HKR key itself.
public struct HKRSecurityDescriptor: Rule {
    public static let description = RuleDescription(
        name: "hkr-security-descriptor", codes: [1226],
        title: "A security descriptor is applied to the HKR key itself",
        why: "An [add-registry-section.Security] descriptor applies to every key the section writes; on a line with HKR and no subkey that is the device, service or interface key itself, whose security Windows sets, so the descriptor is refused.",
        fix: "Move the values that need their own security into a subkey (HKR, Settings, ...), or drop the .Security section.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.HW]
        AddReg = Install_AddReg
        [Install_AddReg]
        ↓HKR, , Setting, 0x00010001, 1
        [Install_AddReg.Security]
        "D:P(A;;GA;;;SY)(A;;GA;;;BA)"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.HW]
        AddReg = Install_AddReg
        [Install_AddReg]
        HKR, Settings, Setting, 0x00010001, 1
        [Install_AddReg.Security]
        "D:P(A;;GA;;;SY)(A;;GA;;;BA)"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for item in context.uniqueRegistryEntries {
            let entry = item.entry
            guard entry.operation == .addReg, entry.root == .relative, entry.normalizedSubkey.isEmpty,
                  let security = context.document.section(named: entry.sectionName + ".Security") else { continue }
            let related = context.headerRange(of: security).map { [($0, "the security descriptor of the section")] } ?? []
            result.append(Violation(range: context.range(of: entry.line, field: 1),
                                    message: "[\(security.name)] would set a security descriptor on the HKR key itself",
                                    related: related,
                                    infVerifValues: [entry.valueName.map { $0.isEmpty ? "(Default)" : $0 } ?? "(Default)", "HKR"]))
        }
        return result
    }
}
