import DriverPackage
import INFModel

/// One section named by two different directives (CopyFiles and DelFiles, AddReg and DelReg, …).
public struct SectionReferencedTwice: Rule {
    public static let description = RuleDescription(
        name: "section-referenced-twice", codes: [1205],
        title: "A section is referenced by two different directives",
        why: "Each directive reads a section's lines in its own way, so a section shared by CopyFiles and DelFiles, or by AddReg and DelReg, installs and removes the same things, which is rarely meant.",
        fix: "Give each directive its own section.",
        levels: levels("W W W W"), fixable: false, group: "F")

    public static let triggeringExamples = [
        """
        [Version]
        Signature = "$Windows NT$"
        [Install]
        CopyFiles = Driver_Files
        AddReg = Reg
        [Install.Remove]
        DelFiles = ↓Driver_Files
        DelReg = ↓Reg
        [Driver_Files]
        drv.sys
        [Reg]
        HKR,,A,,B
        """,
    ]

    public static let nonTriggeringExamples = [
        """
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
        """,
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var first: [String: SectionLink] = [:]
        var result: [Violation] = []
        var reported = Set<String>()
        for link in context.graph.links {
            let target = CaseInsensitive.fold(link.to)
            guard let earlier = first[target] else {
                first[target] = link
                continue
            }
            guard !CaseInsensitive.equal(earlier.directive, link.directive),
                  reported.insert("\(target)|\(CaseInsensitive.fold(link.directive))").inserted else { continue }
            result.append(Violation(
                range: context.range(of: link.line, field: link.field),
                message: "Section [\(link.to)] referenced from \(link.directive) and \(earlier.directive) directive",
                related: [(context.range(of: earlier.line, field: earlier.field), "referenced from \(earlier.directive) here")]))
        }
        return result
    }
}
