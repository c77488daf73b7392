import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge

/// `Class` and `ClassGuid` that disagree for a well-known setup class.
public struct ClassGuidMismatch: Rule {
    public static let description = RuleDescription(
        name: "class-guid-mismatch", codes: [1280, 1281],
        title: "Class and ClassGuid disagree for a well-known class",
        why: "Windows files the device under the ClassGuid, while tools and people read the Class name; when they name different classes the device lands in an unexpected class, with that class's filters, icon and security.",
        fix: "Write the ClassGuid that belongs to the class (or the class name that belongs to the GUID), as listed in the system-defined device setup classes.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = Ports
        ClassGuid = ↓{4d36e97d-e325-11ce-bfc1-08002be10318}
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = ↓ContosoPorts
        ClassGuid = {4D36E978-E325-11CE-BFC1-08002BE10318}
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = hidclass
        ClassGuid = {745A17A0-74D3-11D0-B6FE-00A0C90F57DA}
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = ContosoWidgets
        ClassGuid = {5d8a2a6e-5d3c-4b43-9a2f-2b3b6b8c1f10}
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let version = context.document.version
        guard let classLine = version.classLine, let name = classLine.fields.first?.trimmingCharacters(in: " \t"), !name.isEmpty,
              let guidLine = version.classGuidLine, let guid = guidLine.fields.first?.trimmingCharacters(in: " \t"), !guid.isEmpty
        else { return [] }
        let byName = SetupClasses.named(name)
        let byGuid = SetupClasses.withGuid(guid)
        if let byName {
            guard SetupClasses.normalizedGuid(byName.guid) != SetupClasses.normalizedGuid(guid) else { return [] }
            let other = byGuid.map { ", which is the GUID of class '\($0.name)'" } ?? ""
            return [Violation(range: context.range(of: guidLine, field: 1),
                              message: "ClassGuid \(guid) does not match the well-known class '\(byName.name)' (\(byName.guid))\(other)",
                              code: 1281, infVerifValues: [byName.guid, byName.name])]
        }
        guard let byGuid else { return [] }
        return [Violation(range: context.range(of: classLine, field: 1),
                          message: "Class '\(name)' does not match ClassGuid \(guid), which belongs to the well-known class '\(byGuid.name)'",
                          code: 1280, infVerifValues: [byGuid.name, guid])]
    }
}
