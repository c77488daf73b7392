import Findings
import INFModel
import IsolationEngine

/// A directive argument that must be a number, flags, a GUID or a keyword and is not.
public struct DirectiveArgumentInvalid: Rule {
    public static let description = RuleDescription(
        name: "directive-argument-invalid", codes: [1081, 1082, 1260],
        title: "A directive argument is not a valid number, flag, GUID or keyword",
        why: "Windows reads ServiceType, StartType, ErrorControl and FeatureScore as integers, AddService, AddInterface, AddFilter and AddSoftware flags as bit sets with only some bits defined, interface and event provider GUIDs as `{…}` GUIDs and FilterPosition as Upper or Lower. A value that does not parse, or that sets bits the directive does not define, is rejected or silently read as something else.",
        fix: "Write the value in the form the directive takes: a decimal or 0x hexadecimal integer, only the documented flag bits (0 where the documentation says flags must be 0), a braced GUID, or one of the keywords.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        Contoso = Models, NTamd64
        [Models.NTamd64]
        Device = Install, ROOT\\Contoso
        [Install.NTamd64]
        FeatureScore = ↓high
        [Install.NTamd64.Services]
        AddService = Contoso, ↓0x80000002, Service
        [Install.NTamd64.Interfaces]
        AddInterface = ↓4d36e97d-e325-11ce-bfc1-08002be10318,, Interface, ↓1
        [Interface]
        HKR,,FriendlyName,,Contoso
        [Service]
        ServiceType = ↓kernel
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        Contoso = Models, NTamd64
        [Models.NTamd64]
        Device = Install, ROOT\\Contoso
        [Install.NTamd64]
        [Install.NTamd64.Filters]
        AddFilter = ContosoFilter, ↓zero, Filter
        [Filter]
        FilterPosition = ↓Middle
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        Contoso = Models, NTamd64
        [Models.NTamd64]
        Device = Install, ROOT\\Contoso
        [Install.NTamd64]
        FeatureScore = F9
        [Install.NTamd64.Services]
        AddService = Contoso, 0x000001fa, Service
        [Install.NTamd64.Interfaces]
        AddInterface = {4d36e97d-e325-11ce-bfc1-08002be10318},, Interface
        [Install.NTamd64.Filters]
        AddFilter = ContosoFilter,, Filter
        [Filter]
        FilterPosition = upper
        [Interface]
        HKR,,FriendlyName,,Contoso
        [Service]
        ServiceType = %SERVICE_KERNEL_DRIVER%
        StartType = 3
        ErrorControl = 0x1
        ServiceBinary = %13%\\contoso.sys
        [Strings]
        SERVICE_KERNEL_DRIVER = 1
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for (_, line, schema) in context.directiveLines {
            let key = line.key ?? schema.name
            for (offset, value) in line.fields.enumerated() {
                let text = value.trimmingCharacters(in: " \t")
                guard !text.isEmpty, !isUnresolved(text), let kind = schema.kind(ofField: offset + 1),
                      let problem = Self.problem(text, kind: kind, single: schema.single) else { continue }
                let name = schema.fieldName(offset + 1)
                let message: String
                let values: [String]
                switch problem {
                case 1260:
                    message = "Cannot parse the value '\(text)' of directive '\(key)' as an integer"
                    values = [key, name]
                case 1082:
                    message = "Flags '\(text)' of directive '\(key)' set bits the directive does not define"
                    values = [key, name]
                default:
                    message = "Invalid \(name) '\(text)' in directive '\(key)'"
                    values = [key, name, text]
                }
                result.append(Violation(range: context.range(of: line, field: offset + 1), message: message, code: problem,
                                        infVerifValues: values))
            }
        }
        return result
    }

    /// The code of what is wrong with `text` as a field of `kind`, or `nil` when it is valid.
    static func problem(_ text: String, kind: ArgumentKind, single: Bool) -> Int? {
        switch kind {
        case .text, .section:
            return nil
        case .number:
            guard IntegerField(parsing: text).uint32 == nil else { return nil }
            return single ? 1260 : 1081
        case .hex:
            let digits = text.lowercased().hasPrefix("0x") ? text.dropFirst(2) : Substring(text)
            return !digits.isEmpty && digits.allSatisfy(\.isHexDigit) ? nil : 1260
        case .flags(let mask):
            guard let flags = IntegerField(parsing: text).uint32 else { return 1081 }
            return flags & ~mask == 0 ? nil : 1082
        case .guid:
            return isGUID(text) ? nil : 1081
        case .keyword(let words):
            return words.contains(where: { CaseInsensitive.equal($0, text) }) ? nil : 1081
        }
    }

    /// Whether `text` is `{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}` with hexadecimal digits.
    static func isGUID(_ text: String) -> Bool {
        let u = Array(text.utf8)
        guard u.count == 38, u[0] == UInt8(ascii: "{"), u[37] == UInt8(ascii: "}") else { return false }
        for (index, c) in u.enumerated() where index > 0 && index < 37 {
            if [9, 14, 19, 24].contains(index) {
                guard c == UInt8(ascii: "-") else { return false }
            } else {
                let isHex = (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x66)
                guard isHex else { return false }
            }
        }
        return true
    }
}
