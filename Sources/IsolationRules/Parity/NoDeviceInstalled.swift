import Findings
import Foundation
import INFModel
import IsolationEngine

/// A device INF whose Models sections name no hardware ID.
public struct NoDeviceInstalled: Rule {
    public static let description = RuleDescription(
        name: "no-device-installed", codes: [1297],
        title: "The device INF installs on no device",
        why: "Windows installs a device INF only on a device whose hardware or compatible ID a Models entry lists; with none, the INF can be staged but never installs anything.",
        fix: "List the hardware IDs in the Models sections, or, for software that belongs to no device, write a primitive driver: drop [Manufacturer] and install from [DefaultInstall.NT<arch>]. Printer INFs, whose models the Add Printer wizard installs by name, are not checked.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        ⇓[Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Models, NTamd64
        [Models.NTamd64]
        %Desc% = Install
        [Strings]
        Mfg = "Contoso"
        Desc = "Contoso device"
        """),
        RuleExample("""
        ⇓[Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Models, NTamd64, NTamd64.10.0...16299
        [Models.NTamd64]
        [Models.NTamd64.10.0...16299]
        %Desc% = Install, PCI\\VEN_1234&DEV_0001
        [Strings]
        Mfg = "Contoso"
        Desc = "Contoso device"
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [DefaultInstall.NTamd64]
        CopyFiles = Files
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Models, NT$ARCH$
        [Models.NTarm64]
        %Desc% = Install, ACPI\\CTSO0001
        [Strings]
        Mfg = "Contoso"
        Desc = "Contoso device"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let document = context.document
        guard document.hasSection("Manufacturer") else { return [] }
        // Printer models may list no hardware ID: the Add Printer wizard installs them by name.
        if let className = document.version.className, CaseInsensitive.equal(className, "Printer") { return [] }
        for entry in document.manufacturers {
            var names = [entry.modelsSection] + entry.decorations.map { "\(entry.modelsSection).\($0.text)" }
            // A decoration written NT$ARCH$ names a Models section for whichever architecture the build stamps.
            for raw in entry.line.rawFields.dropFirst() where TemplateTokens.containsArchitectureToken(raw) {
                let text = document.substitute(raw)
                names += Architecture.allCases.map {
                    "\(entry.modelsSection).\(TemplateTokens.stamp(text, architecture: $0.rawValue))"
                }
            }
            for name in names {
                if document.models(in: name).contains(where: { $0.hardwareIDs.contains { !$0.trimmingCharacters(in: " \t").isEmpty } }) {
                    return []
                }
            }
        }
        return [Violation(range: nil, message: "The INF has a [Manufacturer] section but its Models sections list no hardware ID, so it installs on no device; software that belongs to no device is a primitive driver ([DefaultInstall.NT<arch>])")]
    }
}
