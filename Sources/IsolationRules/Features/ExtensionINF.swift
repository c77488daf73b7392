import Findings
import INFModel
import IsolationEngine

/// An extension INF without a well-formed ExtensionId, or one that adds the device's function driver.
public struct ExtensionINF: Rule {
    public static let description = RuleDescription(
        name: "extension-inf", codes: [1380, 1381, 1383],
        title: "An extension INF has no valid ExtensionId or sets the function driver",
        why: "Windows picks one extension INF per ExtensionId, so an INF of the Extension class needs an ExtensionId GUID in [Version]; and an extension only supplements the base INF, so it may not mark a service as the device's function driver with SPSVCINST_ASSOCSERVICE (0x2).",
        fix: "Add ExtensionId = {guid} (a GUID your organization owns, the same for every update) to [Version]; install filters and other services of an extension INF without the 0x2 flag.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        ↓Class = Extension
        ClassGuid = {e2f84ce7-8efa-411c-aa69-97454ca4cb57}
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = Extension
        ClassGuid = {e2f84ce7-8efa-411c-aa69-97454ca4cb57}
        ExtensionId = ↓{zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz}
        [Ext_Install.Services]
        AddService = ContosoFilter, ↓0x00000002, Filter_Service
        [Filter_Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\filter.sys
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = Extension
        ClassGuid = {e2f84ce7-8efa-411c-aa69-97454ca4cb57}
        ExtensionId = {3846ad8c-dd27-433d-ab89-453654cd542a}
        [Ext_Install.Services]
        AddService = ContosoFilter, , Filter_Service
        [Filter_Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\filter.sys
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = System
        ClassGuid = {4d36e97d-e325-11ce-bfc1-08002be10318}
        [Install.Services]
        AddService = Contoso, 0x00000002, Service_Inst
        [Service_Inst]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        guard context.isExtensionINF else { return [] }
        var result: [Violation] = []
        let version = context.document.version
        if let line = context.document.section(named: "Version")?.firstLine(withKey: "ExtensionId") {
            let value = trimmed(line.field(1) ?? "")
            if !isBracedGuid(value) {
                result.append(Violation(range: context.range(of: line, field: 1),
                                        message: "ExtensionId '\(value)' is not a GUID of the form {xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}",
                                        code: 1380, infVerifValues: [value]))
            }
        } else {
            let line = version.classLine ?? version.classGuidLine
            result.append(Violation(range: line.map { context.range(of: $0) },
                                    message: "An extension INF needs an ExtensionId in [Version]", code: 1381))
        }
        var seen = Set<Int>()
        for item in context.services where item.install.isFunctionDriver && seen.insert(item.install.line.syntaxIndex).inserted {
            result.append(Violation(range: context.range(of: item.install.line, field: 2),
                                    message: "Service '\(item.install.name)' is added with SPSVCINST_ASSOCSERVICE (0x2), which an extension INF may not set",
                                    code: 1383, infVerifValues: ["SPSVCINST_ASSOCSERVICE"]))
        }
        return result
    }
}
