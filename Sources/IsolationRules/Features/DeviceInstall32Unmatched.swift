import Findings
import INFModel
import IsolationEngine

/// A `[DeviceInstall32]` device whose hardware IDs no Models entry of the INF matches.
public struct DeviceInstall32Unmatched: Rule {
    public static let description = RuleDescription(
        name: "deviceinstall32-unmatched", codes: [1270],
        title: "A DeviceInstall32 device is not matched by the INF's Models sections",
        why: "[DeviceInstall32] creates root-enumerated devices when the package is installed, and Windows then installs a driver on them by their hardware IDs; a device that no Models entry of the same INF matches is left without the driver the package meant for it.",
        fix: "Give the device a HardwareIds value that a Models entry of this INF lists, or add a Models entry for it.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Contoso, NTamd64
        [Contoso.NTamd64]
        %Dev% = Install, Root\\ContosoBus
        [DeviceInstall32]
        AddDevice = ↓Root\\ContosoBus\\0000,, Device_Inst
        [Device_Inst]
        HardwareIds = Root\\ContosoOther
        [Strings]
        Mfg = "Contoso"
        Dev = "Contoso bus"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Contoso, NTamd64
        [Contoso.NTamd64]
        %Dev% = Install, Root\\ContosoBus
        [DeviceInstall32]
        AddDevice = Root\\ContosoBus\\0000,, Device_Inst
        [Device_Inst]
        HardwareIds = root\\contosobus
        [Strings]
        Mfg = "Contoso"
        Dev = "Contoso bus"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let document = context.document
        let deviceSections = document.sections.filter { section in
            let folded = section.foldedName
            return folded == "deviceinstall32" || folded.hasPrefix("deviceinstall32.")
        }
        guard !deviceSections.isEmpty else { return [] }
        var modelIDs = Set<String>()
        for entry in document.manufacturers {
            for name in [entry.modelsSection] + entry.decorations.map({ "\(entry.modelsSection).\($0.text)" }) {
                for model in document.models(in: name) {
                    for id in model.hardwareIDs where !trimmed(id).isEmpty { modelIDs.insert(trimmed(id).lowercased()) }
                }
            }
        }
        var result: [Violation] = []
        for section in deviceSections {
            for line in section.directive(.addDevice) {
                guard let name = line.field(3).map(trimmed), !name.isEmpty, let install = document.section(named: name) else { continue }
                let ids = (install.directiveValues(.hardwareIds) + install.directiveValues(.compatibleIds)).map { trimmed($0.value).lowercased() }
                guard !ids.isEmpty, !ids.contains(where: modelIDs.contains) else { continue }
                result.append(Violation(range: context.range(of: line, field: 1),
                                        message: "Device '\(trimmed(line.field(1) ?? ""))' of [\(section.name)] has hardware IDs no Models entry of this INF matches"))
            }
        }
        return result
    }
}
