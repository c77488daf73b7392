import DriverPackage
import Findings
import INFModel
import IsolationEngine

/// A directive naming a section that does not exist.
public struct MissingSection: Rule {
    public static let description = RuleDescription(
        name: "missing-section", codes: [1203, 1261, 2006],
        title: "A directive names a section that does not exist",
        why: "SetupAPI silently skips a section it cannot find, so the files, registry values or services it should install are missing.",
        fix: "Add the section or correct its name; to copy a single file without a file-list section, write CopyFiles = @file.sys.",
        levels: levels("E E E E"), fixable: false, group: .structure)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        CopyFiles = ↓Drv_Files, ↓drv.sys
        AddReg = Reg
        [Reg]
        HKR,,A,,B
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Contoso, NTamd64
        [Contoso.NTamd64]
        %Dev% = ↓Dev_Install, PCI\\VEN_1234
        [Dev_Install.NTamd64.Services]
        AddService = Drv, 2, ↓Drv_Service
        [Strings]
        Mfg = "Contoso"
        Dev = "Device"
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Contoso, ↓NTamd64
        [Strings]
        Mfg = "Contoso"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        CopyFiles = Drv_Files, @drv.sys
        Needs = PCI.Install
        [Drv_Files]
        drv.sys
        [Modem_Install]
        Include = mdmcpq.inf
        CopyFiles = FakeModemCopyFileSection
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let document = context.document
        var result: [Violation] = []
        var seen = Set<String>()
        for link in context.graph.links where !document.hasSection(link.to) {
            // A section that includes another INF may name that INF's sections.
            if document.section(named: link.from).map({ !$0.directive(.include).isEmpty }) == true { continue }
            guard seen.insert("\(link.line.syntaxIndex)|\(link.field)").inserted else { continue }
            let tip = link.directive.lowercased() == "copyfiles" && link.to.containsByte(0x2E) ? "; to copy one file, write @\(link.to)" : ""
            // InfVerif has codes of their own for a missing service-install section and device install section.
            let code = CaseInsensitive.equal(link.directive, "AddService") ? 2006 : 1203
            result.append(Violation(range: context.range(of: link.line, field: link.field),
                                    message: "Section [\(link.to)] named by \(link.directive) does not exist\(tip)", code: code,
                                    infVerifValues: code == 2006 ? [link.line.fields.first ?? link.to, link.from] : [link.to]))
        }
        for entry in document.manufacturers {
            if entry.decorations.isEmpty && !document.hasSection(entry.modelsSection) {
                result.append(Violation(range: context.range(of: entry.line, field: 1),
                                        message: "Models section [\(entry.modelsSection)] does not exist",
                                        infVerifValues: [entry.modelsSection]))
            }
            for decoration in entry.decorations where !document.hasSection("\(entry.modelsSection).\(decoration.text)") {
                guard let field = entry.line.fields.firstIndex(where: { CaseInsensitive.equal($0, decoration.text) }) else { continue }
                result.append(Violation(range: context.range(of: entry.line, field: field + 1),
                                        message: "Models section [\(entry.modelsSection).\(decoration.text)] does not exist",
                                        infVerifValues: ["\(entry.modelsSection).\(decoration.text)"]))
            }
        }
        var reportedInstall = Set<String>()
        for reach in context.deviceInstallsOnEveryVersion where !document.hasSection(reach.installSection) {
            guard reportedInstall.insert("\(reach.model.line.syntaxIndex)").inserted else { continue }
            result.append(Violation(range: context.range(of: reach.model.line, field: 1),
                                    message: "Install section [\(reach.model.installSection)] for '\(reach.model.description)' does not exist on \(reach.range.architecture.rawValue)",
                                    code: 1261, infVerifValues: [reach.model.description, reach.model.installSection]))
        }
        return result
    }
}
