import DriverPackage
import Findings
import INFModel
import IsolationEngine

/// An entry of a data section with fewer fields than the section's syntax needs.
public struct EntryArgumentsIncomplete: Rule {
    public static let description = RuleDescription(
        name: "entry-arguments-incomplete", codes: [1085],
        title: "An entry of a section has too few fields",
        why: "The lines of data sections have a fixed form: a Models entry names an install section and at least one hardware id, an AddReg, DelReg or BitReg line a root and then the subkey and value, a RenFiles line the new and the old file name. A line that stops after its first field does nothing useful and usually lost its values in an edit.",
        fix: "Complete the line (`HKR,,Value,,Data`, `Device = Install, HWID`, `new.sys, old.sys`) or remove it.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        Contoso = Models, NTamd64
        [Models.NTamd64]
        ↓Device = Install
        [Install.NTamd64]
        AddReg = Reg
        [Reg]
        ↓HKR
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DestinationDirs]
        Renames = 13
        [DefaultInstall.NTamd64]
        RenFiles = Renames
        [Renames]
        ↓new.sys
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        Contoso = Models, NTamd64
        [Models.NTamd64]
        Device = Install, ROOT\\Contoso
        [Install.NTamd64]
        AddReg = Reg
        [Reg]
        HKR,,Value,,Data
        HKR,Sub
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for section in context.document.sections {
            let roles = context.graph.roles(of: section)
            // Printers install by model name as well as by hardware id.
            if roles.contains(.models), !Self.isPrinterINF(context.document) {
                for line in section.lines where line.hasExplicitKey {
                    guard !(line.rawField(1) ?? "").trimmingCharacters(in: " \t").isEmpty,
                          !line.rawFields.dropFirst().contains(where: { !$0.trimmingCharacters(in: " \t").isEmpty }) else { continue }
                    result.append(Violation(range: context.range(of: line, field: 0),
                                            message: "Models entry '\(line.rawKey ?? "")' has no hardware id", code: 1085,
                                            infVerifValues: ["Models entry"]))
                }
            }
            let registry = roles.contains { if case .registry = $0 { return true } else { return false } }
            let renames = context.graph.links(to: section).contains { CaseInsensitive.equal($0.directive, "RenFiles") }
            guard registry || renames else { continue }
            // Lines of a preprocessor template (`#if`) are not entries.
            for line in section.lines where !line.hasExplicitKey && line.rawFields.count < 2 && !(line.rawFields.first ?? "").hasPrefix("#") {
                let what = registry ? "registry entry" : "rename entry"
                result.append(Violation(range: context.range(of: line),
                                        message: "The \(what) '\(line.rawFields.joined(separator: ","))' in [\(section.name)] is incomplete",
                                        code: 1085, infVerifValues: [registry ? "AddReg" : "RenFiles"]))
            }
        }
        return result
    }

    /// Whether the INF installs printers (Class = Printer), whose Models entries may omit the hardware id.
    static func isPrinterINF(_ document: INFDocument) -> Bool {
        guard let value = document.section(named: "Version")?.firstLine(withKey: "Class")?.field(1) else { return false }
        return CaseInsensitive.equal(value.trimmingCharacters(in: " \t"), "Printer")
    }
}
