import Findings
import INFModel
import IsolationEngine

/// A WMIInterface line with undefined flags, or one that is not `{GUID},[flags],WMI-class-section`.
public struct WMIInterfaceFlags: Rule {
    public static let description = RuleDescription(
        name: "wmi-interface-flags", codes: [1256],
        title: "WMIInterface flags are invalid",
        why: "WMIInterface takes a WMI class GUID, flags of which only SCWMI_CLOBBER_SECURITY (0x1) is defined, and the section holding the class's security descriptor; anything else leaves the WMI class with the default security.",
        fix: "Write WMIInterface = {class-guid}, [0x1 or empty], WMI-class-section.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.WMI]
        WMIInterface = {AB8136BF-8EA7-420D-ADAD-89C83E587925}, ↓0x2, Wmi_Security
        ↓WMIInterface = {12138A69-97B2-49DD-B9DE-54749AABC789}
        [Wmi_Security]
        Security = "O:BAG:BAD:(A;;GA;;;SY)(A;;GA;;;BA)"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.WMI]
        WMIInterface = {AB8136BF-8EA7-420D-ADAD-89C83E587925}, 1, Wmi_Security
        WMIInterface = {12138A69-97B2-49DD-B9DE-54749AABC789}, , Wmi_Security
        [Wmi_Security]
        Security = "O:BAG:BAD:(A;;GA;;;SY)(A;;GA;;;BA)"
        """),
    ]

    public init() {}

    /// Whether `text` is a braced GUID.
    static func isBracedGUID(_ text: String) -> Bool {
        let units = Array(text.utf8)
        guard units.count == 38, units.first == 0x7B, units.last == 0x7D else { return false }
        for (index, unit) in units.dropFirst().dropLast().enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard unit == 0x2D else { return false }
            } else {
                guard (unit >= 0x30 && unit <= 0x39) || (unit | 0x20 >= 0x61 && unit | 0x20 <= 0x66) else { return false }
            }
        }
        return true
    }

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for section in context.document.sections {
            for line in section.directive(.wmiInterface) {
                let guid = (line.field(1) ?? "").trimmingCharacters(in: " \t")
                let classSection = (line.field(3) ?? "").trimmingCharacters(in: " \t")
                if !Self.isBracedGUID(guid) || classSection.isEmpty {
                    let what = !Self.isBracedGUID(guid) ? "does not start with a WMI class GUID" : "names no WMI class section"
                    result.append(Violation(range: context.range(of: line),
                                            message: "WMIInterface \(what); expected {WmiClassGUID},[flags],WMI-class-section",
                                            infVerifValues: [line.field(2).flatMap { $0.isEmpty ? nil : $0 } ?? line.rawFields.joined(separator: ",")]))
                    continue
                }
                let flagsText = (line.field(2) ?? "").trimmingCharacters(in: " \t")
                guard !flagsText.isEmpty else { continue }
                guard let flags = IntegerField(parsing: flagsText).uint32 else {
                    result.append(Violation(range: context.range(of: line, field: 2),
                                            message: "WMIInterface flags '\(flagsText)' are not a number", infVerifValues: [flagsText]))
                    continue
                }
                let unknown = flags & ~ServiceRegistryKnowledge.wmiInterfaceFlags
                if unknown != 0 {
                    result.append(Violation(range: context.range(of: line, field: 2),
                                            message: "WMIInterface flags '\(flagsText)' set 0x\(String(unknown, radix: 16)), but only SCWMI_CLOBBER_SECURITY (0x1) is defined",
                                            infVerifValues: [flagsText]))
                }
            }
        }
        return result
    }
}
