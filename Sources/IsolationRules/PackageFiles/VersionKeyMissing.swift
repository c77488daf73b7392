import Findings
import INFModel
import IsolationEngine

/// A key [Version] must have that is missing or empty: DriverVer, Provider, and for a device INF
/// Class and ClassGuid (and ExtensionId for an extension INF).
public struct VersionKeyMissing: Rule {
    public static let description = RuleDescription(
        name: "version-key-missing", codes: [1013],
        title: "A required [Version] key is missing",
        why: "DriverVer dates and ranks the driver and Provider names its author, so every driver INF needs them; a device INF also needs Class and ClassGuid, the setup class its devices install under, and an extension INF the ExtensionId that identifies it.",
        fix: "Add the key to [Version]: DriverVer = MM/DD/YYYY,w.x.y.z, Provider = %Company%, Class and the matching ClassGuid, ExtensionId = {new GUID} for an extension INF. In an .inx template stampinf supplies DriverVer; in a source tree (a folder without the files the INF installs) a missing DriverVer is a note and an empty value a placeholder the build fills in. INFs that neither install devices nor add services are not checked.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        ; package-files: a.sys
        ↓↓[Version]
        Signature = "$Windows NT$"
        Class = Sample
        ClassGuid = {78A1C341-4539-11d3-B88D-00C04FAD5171}
        Provider = ""
        [SourceDisksFiles]
        a.sys = 1
        [Manufacturer]
        %Company% = Models, NTamd64
        [Models.NTamd64]
        %Dev% = Install, PCI\\VEN_1234
        [Strings]
        Company = "Contoso"
        Dev = "Device"
        """),
        RuleExample("""
        ↓[Version]
        Signature = "$Windows NT$"
        Class = Extension
        ClassGuid = {e2f84ce7-8efa-411c-aa69-97454ca4cb57}
        Provider = %Company%
        DriverVer = 01/01/2024,1.0.0.0
        [Manufacturer]
        %Company% = Models, NTamd64
        [Models.NTamd64]
        %Dev% = Install, PCI\\VEN_1234
        [Strings]
        Company = "Contoso"
        Dev = "Device"
        """),
        RuleExample("""
        ↓[Version]
        Signature = "$Windows NT$"
        DriverVer = 01/01/2024,1.0.0.0
        [DefaultInstall.NTamd64.Services]
        AddService = Contoso,, Service_Install
        [Service_Install]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = Extension
        ClassGuid = {e2f84ce7-8efa-411c-aa69-97454ca4cb57}
        ExtensionId = {0a5f1e5c-9c3e-4a5b-8d0e-1f2a3b4c5d6e}
        Provider = %Company%
        DriverVer = 01/01/2024,1.0.0.0
        [Manufacturer]
        %Company% = Models, NTamd64
        [Models.NTamd64]
        %Dev% = Install, PCI\\VEN_1234
        [Strings]
        Company = "Contoso"
        Dev = "Device"
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = System
        ClassGuid = {4d36e97d-e325-11ce-bfc1-08002be10318}
        Provider = %Company%
        DriverVer =
        [Manufacturer]
        %Company% = Models, NTamd64
        [Models.NTamd64]
        %Dev% = Install, ROOT\\CONTOSO
        [Strings]
        Company = "Contoso"
        Dev = "Device"
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DefaultInstall.NTamd64]
        AddReg = Settings
        [Settings]
        HKR,,Enabled,0x10001,1
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let document = context.document
        guard let version = document.section(named: "Version"), let range = context.headerRange(of: version) else { return [] }
        // Only driver INFs: a device INF, or one that installs a service.
        let isDevice = document.hasSection("Manufacturer")
        guard isDevice || !context.services.isEmpty else { return [] }
        // In a source tree, an empty value is a placeholder the build fills in (stampinf, or a
        // project's own script), and a missing DriverVer may still be stamped.
        let built = context.isBuiltPackage
        var required: [String] = []
        // stampinf writes DriverVer into the INF it makes from an .inx template.
        if !context.isTemplate { required.append("DriverVer") }
        required.append("Provider")
        if isDevice {
            required += ["Class", "ClassGuid"]
            if context.isExtensionINF { required.append("ExtensionId") }
        }
        var result: [Violation] = []
        for key in required {
            let lines = version.lines(withKey: key)
            let filled = lines.contains { !($0.fields.first?.trimmingCharacters(in: " \t").isEmpty ?? true) }
            if filled || (!lines.isEmpty && !built) { continue }
            if key == "DriverVer" && !built {
                result.append(Violation(range: range, message: "[Version] has no DriverVer value, which is required unless the build stamps it",
                                        maximumLevel: .note, infVerifValues: ["required", "DriverVer", "[Version]"]))
            } else {
                result.append(Violation(range: range, message: "[Version] has no \(key) value, which is required",
                                        infVerifValues: ["required", key, "[Version]"]))
            }
        }
        return result
    }
}
