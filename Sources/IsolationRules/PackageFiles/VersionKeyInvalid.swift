import Findings
import INFModel
import IsolationEngine

/// A [Version] value Windows cannot use: PnpLockdown other than 0 or 1, or a Class name that is too
/// long or holds characters a class name cannot hold.
public struct VersionKeyInvalid: Rule {
    public static let description = RuleDescription(
        name: "version-key-invalid", codes: [1014, 1286],
        title: "A [Version] value is invalid",
        why: "PnpLockdown is a switch that takes 0 or 1; a setup class name is stored in a buffer of 32 characters with its terminator, so it has at most 31, and it is written into the class key and the device's properties, where separators and control characters break it.",
        fix: "Set PnpLockdown = 1. Give the class a name of at most 31 letters, digits, spaces, '-' or '_' (an existing system class when the device fits one).",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = ↓ContosoSensorFusionCalibrationDevices
        PnpLockdown = ↓yes
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = ↓"Contoso\\Sensors"
        PnpLockdown = ↓2
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = "libusb-win32 devices"
        PnpLockdown = 1
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = %ClassName%
        PnpLockdown = 0x0
        [Strings]
        ClassName = "ContosoSensors"
        """),
    ]

    public init() {}

    /// Characters a class name cannot hold besides control characters: path and INF separators.
    static let invalidClassCharacters: Set<Character> = ["\\", "/", "\"", ",", ";", "=", "[", "]", "{", "}"]

    public func check(_ context: RuleContext) -> [Violation] {
        let info = context.document.version
        var result: [Violation] = []
        if let line = info.classLine, let name = line.fields.first?.trimmingCharacters(in: " \t"), !name.isEmpty,
           !PackageFileKnowledge.isUnresolved(name) {
            let range = context.range(of: line, field: 1)
            if let bad = name.first(where: { Self.invalidClassCharacters.contains($0) || $0.unicodeScalars.contains { $0.value < 0x20 } }) {
                let shown = bad.unicodeScalars.allSatisfy { $0.value >= 0x20 } ? "'\(bad)'" : "a control character"
                result.append(Violation(range: range, message: "Class name '\(name)' holds \(shown), which a class name cannot hold", code: 1014,
                                        infVerifValues: ["Class", "name", "[Version]"]))
            } else if name.count > 31 {
                result.append(Violation(range: range, message: "Class name '\(name)' has \(name.count) characters; a class name has at most 31", code: 1286,
                                        infVerifValues: ["Class", name, "31"]))
            }
        }
        if let line = info.pnpLockdownLine, let value = line.fields.first?.trimmingCharacters(in: " \t"),
           !PackageFileKnowledge.isUnresolved(value), info.pnpLockdown != 0, info.pnpLockdown != 1 {
            result.append(Violation(range: context.range(of: line, field: 1),
                                    message: "PnpLockdown '\(value)' is not 0 or 1", code: 1014,
                                    infVerifValues: ["PnpLockdown", "value", "[Version]"]))
        }
        return result
    }
}
