import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge

/// One service added by two install sections with different service-install sections: 1333 when the
/// sections configure the service differently, 1332 when they differ only in a value of the service's
/// registry key.
public struct ConflictingService: Rule {
    public static let description = RuleDescription(
        name: "conflicting-service", codes: [1333, 1332],
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
        AddReg = A_Reg
        [B_Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        AddReg = B_Reg
        [A_Reg]
        HKR, Parameters, Mode, 0x00010001, 1
        [B_Reg]
        HKR, Parameters, Mode, 0x00010001, 2
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

    /// The value of the service key that two service-install sections set to different data, when
    /// that is all that differs between them: the same directives, and registry lines that differ
    /// only in the data of values both write.
    static func onlyDifferingValue(_ a: INFSection, _ b: INFSection,
                                   in document: INFDocument) -> (subkey: String, name: String, shown: String)? {
        func directives(_ section: INFSection) -> String {
            configuration(of: section, in: document).split(separator: "\n")
                .filter { !$0.hasPrefix("addreg") && !$0.hasPrefix("delreg") && !$0.hasPrefix("bitreg") }.joined(separator: "\n")
        }
        func values(_ section: INFSection) -> [String: (entry: RegistryEntry, data: String)] {
            var result: [String: (entry: RegistryEntry, data: String)] = [:]
            for entry in document.registryEntries(of: section) {
                guard entry.operation == .addReg, entry.root == .relative, let name = entry.valueName else { return [:] }
                result["\(entry.normalizedSubkey)|\(name.lowercased())"] =
                    (entry, "\(entry.flags ?? 0)|" + entry.data.joined(separator: ","))
            }
            return result
        }
        guard directives(a) == directives(b) else { return nil }
        let first = values(a), second = values(b)
        guard !first.isEmpty, Set(first.keys) == Set(second.keys) else { return nil }
        let differing = first.keys.sorted().filter { first[$0]?.data != second[$0]?.data }
        guard let key = differing.first, let entry = second[key]?.entry else { return nil }
        return (entry.subkey, entry.valueName ?? "", entry.displayPath)
    }

    public func check(_ context: RuleContext) -> [Violation] {
        // A configuration is worked out only for a service that more than one section installs.
        var first: [String: (installSection: INFSection, configuration: String?, install: ServiceInstall, section: String)] = [:]
        var result: [Violation] = []
        for section in context.document.sections where !section.directive(.addService).isEmpty {
            for service in context.document.services(in: section) {
                let name = service.name.trimmingCharacters(in: " \t").lowercased()
                guard !name.isEmpty, let installName = service.installSection,
                      let install = context.document.section(named: installName) else { continue }
                guard let earlier = first[name] else { first[name] = (install, nil, service, section.name); continue }
                let earlierConfiguration = earlier.configuration ?? Self.configuration(of: earlier.installSection, in: context.document)
                first[name]?.configuration = earlierConfiguration
                let configuration = Self.configuration(of: install, in: context.document)
                guard earlierConfiguration != configuration, !CaseInsensitive.equal(earlier.section, section.name),
                      context.installSectionsCanApplyTogether(earlier.section, section.name) else { continue }
                let range = context.range(of: service.line, field: 3)
                let related = [(range: context.range(of: earlier.install.line), message: "the other configuration of the service")]
                if let earlierInstall = earlier.install.installSection.flatMap(context.document.section(named:)),
                   let value = Self.onlyDifferingValue(earlierInstall, install, in: context.document) {
                    result.append(Violation(
                        range: range,
                        message: "[\(section.name)] sets \(value.shown) of the service '\(service.name)' to other data than [\(earlier.section)] does",
                        related: related, code: 1332,
                        infVerifValues: ["HKR", value.subkey, value.name, earlier.section, section.name, service.name]))
                    continue
                }
                result.append(Violation(
                    range: range,
                    message: "[\(section.name)] configures the service '\(service.name)' with [\(install.name)], which differs from [\(earlier.install.installSection ?? "")] used by [\(earlier.section)]",
                    related: related, infVerifValues: [service.name, earlier.section, section.name]))
            }
        }
        return result
    }
}
