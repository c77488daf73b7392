import Findings
import INFModel
import IsolationEngine

/// A directive with fewer arguments than it needs, an empty required argument, or more than it reads.
public struct DirectiveArgumentCount: Rule {
    public static let description = RuleDescription(
        name: "directive-argument-count", codes: [1080, 1083, 1201],
        title: "A directive has too few, empty or extra arguments",
        why: "Each directive reads a fixed list of fields: AddService needs a name, flags and a service-install section, AddFilter, AddSoftware and AddComponent a name, flags and a section, KmdfService and UmdfService a service and a section. A missing or empty required field makes Windows skip or fail the directive; fields after the last one the directive reads are ignored (a warning, as in InfVerif), which usually means a value ended up in the wrong place.",
        fix: "Give every required argument in its position (empty optional fields keep their commas: `AddService = Name,,Section` is not `AddService = Name,Section`), and remove the fields the directive does not read.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        DriverVer = 01/01/2025,1.0.0.0,↓extra
        [Manufacturer]
        Contoso = Models, NTamd64
        [Models.NTamd64]
        Device = Install, ROOT\\Contoso
        [Install.NTamd64]
        FeatureScore = 0x80, ↓1
        [Install.NTamd64.Services]
        ↓AddService = Contoso, 0x2
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        Contoso = Models, NTamd64
        [Models.NTamd64]
        Device = Install, ROOT\\Contoso
        [Install.NTamd64]
        [Install.NTamd64.Services]
        ↓AddService = Contoso, 0x2,
        [Install.NTamd64.Wdf]
        ↓KmdfService = Contoso
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        DriverVer = 01/01/2025,1.0.0.0
        [Manufacturer]
        Contoso = Models, NTamd64
        [Models.NTamd64]
        Device = Install, ROOT\\Contoso
        Other = Null, ROOT\\Other
        [Install.NTamd64]
        FeatureScore = 0x80
        [Install.NTamd64.Services]
        AddService = Contoso,, Service
        [Install.NTamd64.Wdf]
        KmdfService = Contoso, Wdf
        [Null.NTamd64]
        [Null.NTamd64.Services]
        AddService = , 0x2
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        [Wdf]
        KmdfLibraryVersion = 1.15
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for (_, line, schema) in context.directiveLines {
            let raw = line.rawFields.map { $0.trimmingCharacters(in: " \t") }
            // An empty value is missing-directive-value's (or another rule's) finding.
            guard raw.contains(where: { !$0.isEmpty }) else { continue }
            let key = line.key ?? schema.name
            if !Self.isNullDriver(schema, raw) {
                if raw.count < schema.required {
                    result.append(Violation(
                        range: context.range(of: line, field: 0),
                        message: "Directive '\(key)' has \(raw.count) of the \(schema.required) arguments it requires (missing \(schema.fieldName(raw.count + 1)))",
                        code: 1083, infVerifValues: [key, "argument count", "\(raw.count) of \(schema.required)"]))
                }
                for index in 1...min(schema.required, raw.count) where raw[index - 1].isEmpty && !Self.ownedElsewhere(schema, index) && !Self.mayBeEmpty(schema, index) {
                    result.append(Violation(range: context.rangeOfValue(line, field: index),
                                            message: "Directive '\(key)' is missing its required \(schema.fieldName(index)) argument",
                                            code: 1080, infVerifValues: [key, schema.fieldName(index)]))
                }
            }
            if let maximum = schema.maximum, raw.count > maximum,
               let extra = (maximum..<raw.count).first(where: { !raw[$0].isEmpty }) {
                result.append(Violation(range: context.range(of: line, field: extra + 1),
                                        message: "Extra value '\(line.rawFields[extra])' of directive '\(key)' is ignored",
                                        maximumLevel: .warning, code: 1201, infVerifValues: [key, line.rawFields[extra]]))
            }
        }
        return result
    }

    /// `AddService = ,2`: a device without a function driver, which needs no install section.
    static func isNullDriver(_ schema: DirectiveSchema, _ fields: [String]) -> Bool {
        guard schema.name == "AddService" else { return false }
        return fields.first?.isEmpty ?? true
    }

    /// An AddService without a service name is reported under its own code.
    static func ownedElsewhere(_ schema: DirectiveSchema, _ index: Int) -> Bool {
        schema.name == "AddService" && index == 1
    }

    /// Flags may be left empty (`AddService = Name,,Section`): an empty integer field reads as 0.
    static func mayBeEmpty(_ schema: DirectiveSchema, _ index: Int) -> Bool {
        switch schema.kind(ofField: index) {
        case .flags?, .number?, .hex?: return true
        default: return false
        }
    }
}
