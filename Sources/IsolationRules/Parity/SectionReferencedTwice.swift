import DriverPackage
import Findings
import INFModel
import IsolationEngine

/// One section named by two different directives of the same kind (CopyFiles and DelFiles, AddReg and DelReg, …).
public struct SectionReferencedTwice: Rule {
    public static let description = RuleDescription(
        name: "section-referenced-twice", codes: [1205],
        title: "A section is referenced by two different directives",
        why: "Each directive reads a section's lines in its own way, so a section shared by CopyFiles and DelFiles, or by AddReg and DelReg, installs and removes the same things, which is rarely meant.",
        fix: "Give each directive its own section.",
        levels: levels("W W W W"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        CopyFiles = Driver_Files
        AddReg = Reg
        [Install.Remove]
        DelFiles = Driver_Files
        DelReg = Reg
        ↓[Driver_Files]
        drv.sys
        ↓[Reg]
        HKR,,A,,B
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        CopyFiles = Driver_Files
        AddReg = Reg
        [Install.HW]
        AddReg = Reg
        [Install.Services]
        AddService = Contoso, 2, Service, Service
        [Driver_Files]
        drv.sys
        [Reg]
        HKR,,A,,B
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var earlier: [String: [SectionLink]] = [:]
        var result: [Violation] = []
        var reported = Set<String>()
        for link in context.graph.links {
            let target = CaseInsensitive.fold(link.to)
            defer { earlier[target, default: []].append(link) }
            // Directives that read the section in different ways are incompatible-section-use's finding.
            guard let first = earlier[target]?.first(where: {
                      !CaseInsensitive.equal($0.directive, link.directive) && SectionUse.compatible($0, link)
                  }),
                  reported.insert(target).inserted else { continue }
            // InfVerif puts 1205 on the header of the section; the two references are the related places.
            let header = context.document.section(named: link.to).flatMap { context.headerRange(of: $0) }
            result.append(Violation(
                range: header ?? context.range(of: link.line, field: link.field),
                message: "Section [\(link.to)] referenced from \(link.directive) and \(first.directive) directive",
                related: [(context.range(of: first.line, field: first.field), "referenced from \(first.directive) here"),
                          (context.range(of: link.line, field: link.field), "referenced from \(link.directive) here")],
                infVerifValues: [link.to, link.directive, first.directive]))
        }
        return result
    }
}
