import Findings
import INFModel
import IsolationEngine

/// The other rules of primitive-driver INFs: a decorated `[DefaultUninstall]` without
/// `LegacyUninstall=1`, and DefaultInstall suffix sections whose decoration no entry section has.
public struct PrimitiveRules: Rule {
    public static let description = RuleDescription(
        name: "primitive-rules", codes: [1422, 1423],
        title: "A DefaultInstall or DefaultUninstall section breaks the primitive-driver rules",
        why: "Windows uninstalls a primitive driver itself, so a DefaultUninstall section is only for Windows versions before 1903 and must say so with LegacyUninstall=1; a suffix section such as [DefaultInstall.Services] is read only with the decoration of the entry section Windows chose, so one without a matching entry is never processed.",
        fix: "Add LegacyUninstall = 1 to each [DefaultUninstall.NT<arch>] section (or remove it); give suffix sections the decoration of their entry section, e.g. [DefaultInstall.NTamd64.Services] for [DefaultInstall.NTamd64].",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DefaultInstall.NTamd64]
        CopyFiles = Drv_Files
        ↓[DefaultUninstall.NTamd64]
        DelFiles = Drv_Files
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DefaultInstall.NTamd64]
        CopyFiles = Drv_Files
        ↓[DefaultInstall.Services]
        AddService = Contoso, , Service
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DefaultInstall.NTamd64]
        CopyFiles = Drv_Files
        [DefaultInstall.NTamd64.Services]
        AddService = Contoso, , Service
        [DefaultUninstall.NTamd64]
        LegacyUninstall = 1
        DelFiles = Drv_Files
        [DefaultUninstall.NTamd64.Services]
        DelService = Contoso
        [DefaultUninstall.NTarm64]
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DefaultInstall]
        CopyFiles = Drv_Files
        [DefaultInstall.Services]
        AddService = Contoso, , Service
        [DefaultUninstall]
        DelFiles = Drv_Files
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let sections = context.primitiveSections
        let entries = Set(sections.filter(\.name.isEntry).map { CaseInsensitive.fold($0.name.entryName) })
        var result: [Violation] = []
        for (section, name) in sections {
            guard let range = context.headerRange(of: section) else { continue }
            if name.isEntry {
                // An empty section uninstalls nothing (it only keeps the architecture from an undecorated one).
                guard name.base == "DefaultUninstall", name.hasArchitecture, !section.lines.isEmpty else { continue }
                let legacy = section.firstLine(withKey: "LegacyUninstall")?.fields.first.flatMap { IntegerField(parsing: $0).int32 }
                if legacy != 1 {
                    result.append(Violation(range: range,
                                            message: "[\(section.name)] must set LegacyUninstall=1: Windows uninstalls a primitive driver itself, and the section only serves Windows versions before 1903",
                                            code: 1422))
                }
            } else if !entries.contains(CaseInsensitive.fold(name.entryName)) {
                let chosen = sections.filter { $0.name.isEntry && $0.name.base == name.base }.map { "[\($0.section.name).\(name.suffix ?? "")]" }
                let hint = chosen.isEmpty ? "" : "; Windows reads \(chosen.joined(separator: ", "))"
                result.append(Violation(range: range,
                                        message: "[\(section.name)] is never processed: there is no [\(name.entryName)] section\(hint)",
                                        code: 1423, infVerifValues: [name.entryName]))
            }
        }
        return result
    }
}
