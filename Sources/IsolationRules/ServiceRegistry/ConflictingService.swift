import Findings
import INFModel
import IsolationEngine

/// One service added by two install sections with different service-install sections.
public struct ConflictingService: Rule {
    public static let description = RuleDescription(
        name: "conflicting-service", codes: [1333],
        title: "Two install sections configure one service differently",
        why: "A service is global: when two install sections add the same service name with different settings, whichever device installs last decides the service's configuration for every device that uses it.",
        fix: "Give each configuration its own service name, or let both install sections use the same service-install section and keep per-device settings under HKR.",
        levels: levels("E E E W"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [A_Install.Services]
        AddService = Contoso, 0x2, A_Service
        [B_Install.Services]
        AddService = Contoso, 0x2, ↓B_Service
        [A_Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        [B_Service]
        ServiceType = 1
        StartType = 0
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [A_Install.Services]
        AddService = Contoso, 0x2, A_Service
        [B_Install.Services]
        AddService = Contoso, 0x2, B_Service
        [C_Install.Services]
        AddService = Contoso, 0x2, A_Service
        [A_Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        [B_Service]
        ServiceType = 0x1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        """),
    ]

    public init() {}

    /// A text that is equal for two service-install sections that configure the same thing: lines
    /// sorted, numbers by value, registry sections by their lines.
    static func configuration(of section: INFSection, in document: INFDocument) -> String {
        func normalized(_ fields: [String]) -> String {
            fields.map { field in
                if case .value(let number) = IntegerField(parsing: field), !field.isEmpty { return "\(number)" }
                return field.trimmingCharacters(in: " \t")
            }.joined(separator: ",")
        }
        var lines: [String] = []
        for line in section.lines {
            let key = (line.key ?? "").lowercased()
            if ["addreg", "delreg", "bitreg"].contains(key) {
                for name in line.fields where !name.isEmpty {
                    let entries = document.section(named: name)?.lines.map { "\(key):" + normalized($0.fields) } ?? ["\(key):?\(name.lowercased())"]
                    lines += entries
                }
            } else {
                lines.append("\(key)=" + normalized(line.fields))
            }
        }
        return lines.sorted().joined(separator: "\n")
    }

    public func check(_ context: RuleContext) -> [Violation] {
        var first: [String: (configuration: String, install: ServiceInstall, section: String)] = [:]
        var result: [Violation] = []
        for section in context.document.sections where !section.directive("AddService").isEmpty {
            for service in context.document.services(in: section) {
                let name = service.name.trimmingCharacters(in: " \t").lowercased()
                guard !name.isEmpty, let installName = service.installSection,
                      let install = context.document.section(named: installName) else { continue }
                let configuration = Self.configuration(of: install, in: context.document)
                guard let earlier = first[name] else { first[name] = (configuration, service, section.name); continue }
                guard earlier.configuration != configuration, !CaseInsensitive.equal(earlier.section, section.name),
                      context.installSectionsCanApplyTogether(earlier.section, section.name) else { continue }
                result.append(Violation(
                    range: context.range(of: service.line, field: 3),
                    message: "[\(section.name)] configures the service '\(service.name)' with [\(install.name)], which differs from [\(earlier.install.installSection ?? "")] used by [\(earlier.section)]",
                    related: [(context.range(of: earlier.install.line), "the other configuration of the service")]))
            }
        }
        return result
    }
}
