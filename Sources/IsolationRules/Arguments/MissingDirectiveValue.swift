import Findings
import INFModel
import IsolationEngine

/// A directive that needs a value written as `key =` with nothing after it.
public struct MissingDirectiveValue: Rule {
    public static let description = RuleDescription(
        name: "missing-directive-value", codes: [1006],
        title: "A directive that needs a value has none",
        why: "Keys such as ServiceBinary, ServiceType, StartType, ErrorControl, DriverVer, CatalogFile, FeatureScore or the WDF library versions are read as values; `Key =` with nothing after it gives Windows an empty value, which fails the install or installs something other than meant.",
        fix: "Write the value after the `=`, or remove the line when the key is optional.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = System
        ClassGuid = {4d36e97d-e325-11ce-bfc1-08002be10318}
        Provider = Contoso
        DriverVer = 01/01/2025,1.0.0.0
        [Manufacturer]
        Contoso = Models, NTamd64
        [Models.NTamd64]
        Device = Install, ROOT\\Contoso
        [Install.NTamd64]
        ↓FeatureScore =
        [Install.NTamd64.Services]
        AddService = Contoso, 2, Service
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ↓ServiceBinary =
        """),
        RuleExample("""
        ; package-files: contoso.sys
        [Version]
        Signature = "$Windows NT$"
        Provider = Contoso
        ↓DriverVer =
        [SourceDisksNames]
        1 = Disk
        [SourceDisksFiles]
        contoso.sys = 1
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = System
        ClassGuid = {4d36e97d-e325-11ce-bfc1-08002be10318}
        Provider = Contoso
        DriverVer = ; set by stampinf when the package is built
        [Manufacturer]
        Contoso = Models, NTamd64
        [Models.NTamd64]
        Device = Install, ROOT\\Contoso
        [Install.NTamd64]
        FeatureScore = 0x80
        [Install.NTamd64.Services]
        AddService = Contoso, 2, Service
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for (_, line, schema) in context.directiveLines {
            guard schema.required >= 1, Self.checked(schema.name),
                  line.rawFields.allSatisfy({ $0.trimmingCharacters(in: " \t").isEmpty }) else { continue }
            // The build (stampinf) fills in an empty DriverVer or CatalogFile of a source INF.
            if Self.filledByBuild.contains(schema.name), !context.isBuiltPackage { continue }
            result.append(Violation(range: context.range(of: line, field: 0),
                                    message: "Directive '\(line.key ?? schema.name)' is missing its value", code: 1006,
                                    infVerifValues: [line.key ?? schema.name]))
        }
        return result
    }

    /// Directives a source INF may leave empty for the build to fill in.
    static let filledByBuild: Set<String> = ["DriverVer", "CatalogFile"]

    /// AddService without a name and Signature have codes of their own.
    static func checked(_ name: String) -> Bool {
        !["AddService", "DelService", "Signature"].contains(name)
    }
}
