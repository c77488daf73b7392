import DriverPackage
import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge

/// Service configuration values set through AddReg instead of the service-install directives.
public struct IntrinsicServiceValue: Rule {
    public static let description = RuleDescription(
        // A value written in the service key itself is a service registry key outside Parameters
        // (1323); InfVerif's 1332 is a service value two install sections set differently.
        name: "intrinsic-service-value", codes: [1323],
        title: "A service setting is written as a registry value",
        why: "Start type, image path, display name and the other service settings belong to the service control manager; the AddService install section sets them so that they stay consistent.",
        fix: "Use the service-install section's directive instead (StartType=, ServiceType=, ErrorControl=, ServiceBinary=, DisplayName=, Description=, LoadOrderGroup=, Dependencies=, …).",
        levels: levels("E E - -"), fixable: true, group: .registry)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.Services]
        AddService = Contoso, 0x2, Service
        [Service]
        ServiceType = 1
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        AddReg = ServiceReg
        [ServiceReg]
        HKR, , ↓Start, 0x00010001, 3
        HKR, , ↓ImagePath, 0x00020000, "\\SystemRoot\\System32\\drivers\\contoso.sys"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.Services]
        AddService = Contoso, 0x2, Service
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        AddReg = ServiceReg
        [ServiceReg]
        HKR, Parameters, Start, 0x00010001, 3
        """),
    ]

    public static let fixExamples = [
        FixExample(
            before: """
            [Version]
            Signature = "$Windows NT$"
            [Install.Services]
            AddService = Contoso, 0x2, Service
            [Service]
            ServiceType = 1
            ErrorControl = 1
            ServiceBinary = %13%\\contoso.sys
            AddReg = ServiceReg
            [ServiceReg]
            HKR, , Start, 0x00010001, 3
            HKR, , ErrorControl, 0x00010001, 1
            HKR, Parameters, Level, 0x00010001, 2
            """,
            after: """
            [Version]
            Signature = "$Windows NT$"
            [Install.Services]
            AddService = Contoso, 0x2, Service
            [Service]
            ServiceType = 1
            ErrorControl = 1
            ServiceBinary = %13%\\contoso.sys
            AddReg = ServiceReg
            StartType = 3
            [ServiceReg]
            HKR, Parameters, Level, 0x00010001, 2
            """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        context.registryEntries.compactMap { item in
            guard case .serviceKey(let service) = item.context, item.entry.root == .relative,
                  item.entry.normalizedSubkey.isEmpty, let value = item.entry.valueName,
                  let directive = RegistryKnowledge.intrinsicServiceValues[value.lowercased()] else { return nil }
            let advice = directive.map { "use \($0)= in the service-install section" } ?? "Windows sets it for the service"
            return Violation(range: context.range(of: item.entry.line, field: 3),
                             message: "The service value '\(value)' of '\(service)' is set through AddReg; \(advice)",
                             fix: fix(context, item: item, directive: directive),
                             infVerifValues: [service])
        }
    }

    private func fix(_ context: RuleContext, item: ContextualRegistryEntry, directive: String?) -> UnitFix? {
        guard let directive, ["StartType", "ServiceType", "ErrorControl", "DisplayName", "Description", "LoadOrderGroup"].contains(directive),
              let data = item.entry.data.first, item.entry.rawData.count == 1, case .serviceKey(let service) = item.context,
              let serviceSection = context.document.sections.first(where: { section in
                  context.graph.roles(of: section).contains { role in
                      if case .serviceInstall(let name) = role { return CaseInsensitive.equal(name, service) }
                      return false
                  }
              }) else { return nil }
        let deletion = (range: context.fullLineRange(of: item.entry.line), replacement: "")
        if let existing = serviceSection.firstLine(withKey: directive)?.fields.first {
            // The directive already says the same: the registry line only repeats it.
            guard Self.sameValue(existing, data) else { return nil }
            return UnitFix(title: "Delete the line; \(directive) already sets it", safety: .unsafe, edits: [deletion])
        }
        guard let insertAt = context.insertionPoint(after: serviceSection) else { return nil }
        let prefix = context.needsNewlineBefore(insertAt) ? context.newline : ""
        let raw = item.entry.rawData[0]
        let value = raw.containsByte(0x20) || raw.containsByte(0x2C) || raw.containsByte(0x3B) ? "\"\(raw)\"" : raw
        return UnitFix(title: "Set \(directive) = \(value) in [\(serviceSection.name)]", safety: .unsafe,
                       edits: [deletion, (insertAt..<insertAt, prefix + "\(directive) = \(value)" + context.newline)])
    }

    /// Whether two values are the same number, or the same text ignoring case.
    static func sameValue(_ a: String, _ b: String) -> Bool {
        if let x = IntegerField(parsing: a).uint32, let y = IntegerField(parsing: b).uint32 { return x == y }
        return CaseInsensitive.equal(a, b)
    }
}
