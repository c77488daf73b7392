import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge

/// A setup class reserved for Microsoft (`Sample`) or for system use (`Unknown`, `Computer`, …).
public struct ReservedClass: Rule {
    public static let description = RuleDescription(
        name: "reserved-class", codes: [1284],
        title: "The setup class is reserved for Microsoft",
        why: "The Sample class exists for Microsoft's sample drivers and is refused for shipping packages; the classes reserved for system use (Unknown, Computer, LegacyDriver, …) hold devices Windows installs itself (reported as a warning: InfVerif's list of reserved classes is not published beyond Sample).",
        fix: "Use the system-defined class that fits the device (e.g. System, HIDClass, USBDevice) with its ClassGuid, or define your own class.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = ↓Sample
        ClassGuid = {78A1C341-4539-11d3-B88D-00C04FAD5171}
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = ↓%Class%
        ClassGuid = {4d36e97e-e325-11ce-bfc1-08002be10318}
        [Strings]
        Class = "Unknown"
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = ContosoSample
        ClassGuid = ↓{78a1c341-4539-11D3-b88d-00c04fad5171}
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = System
        ClassGuid = {4d36e97d-e325-11ce-bfc1-08002be10318}
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = USB
        ClassGuid = {36fc9e60-c465-11cf-8056-444553540000}
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let version = context.document.version
        let candidates: [(INFLine, SetupClass)] = [
            version.classLine.flatMap { line in line.fields.first.flatMap(SetupClasses.named).map { (line, $0) } },
            version.classGuidLine.flatMap { line in line.fields.first.flatMap(SetupClasses.withGuid).map { (line, $0) } },
        ].compactMap { $0 }
        guard let (line, setupClass) = candidates.first(where: { $0.1.use == .samples })
                ?? candidates.first(where: { $0.1.use == .system }) else { return [] }
        let range = context.range(of: line, field: 1)
        switch setupClass.use {
        case .samples:
            return [Violation(range: range, message: "Class \"\(setupClass.name)\" is reserved for use by Microsoft.",
                              infVerifValues: [setupClass.name])]
        case .system:
            return [Violation(range: range,
                              message: "Class \"\(setupClass.name)\" is reserved for system use; Windows installs devices of this class itself",
                              maximumLevel: .warning, infVerifValues: [setupClass.name])]
        case .vendors:
            return []
        }
    }
}
