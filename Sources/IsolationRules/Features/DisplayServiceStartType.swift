import DriverPackage
import Findings
import INFModel
import IsolationEngine

/// A display driver's function driver that is not demand-started.
public struct DisplayServiceStartType: Rule {
    /// SERVICE_DEMAND_START, the start type every WDDM display driver must have.
    static let demandStart: UInt32 = 3

    public static let description = RuleDescription(
        name: "display-service-start-type", codes: [2602],
        title: "A display driver's service is not demand-started",
        why: "WDDM display drivers are Plug and Play drivers that Windows starts when the adapter is found; a boot or system start type loads the miniport before the display class is ready, and Microsoft requires StartType = 3 (SERVICE_DEMAND_START) of every display driver's service.",
        fix: "Set StartType = 3 in the service-install section of the display miniport's AddService.",
        levels: levels("E E E E"), fixable: true, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = Display
        ClassGuid = {4d36e968-e325-11ce-bfc1-08002be10318}
        [Manufacturer]
        %Mfg% = Models, NTamd64
        [Models.NTamd64]
        %Desc% = Install, PCI\\VEN_1234&DEV_5678
        [Install.NTamd64]
        CopyFiles = Kmd_Files
        [Install.NTamd64.Services]
        AddService = ContosoKmd, 0x00000002, Kmd_Service
        [Kmd_Service]
        ServiceType = 1
        StartType = ↓1
        ErrorControl = 0
        ServiceBinary = %13%\\contosokmd.sys
        [Kmd_Files]
        contosokmd.sys
        [Strings]
        Mfg = "Contoso"
        Desc = "Contoso graphics"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = Display
        ClassGuid = {4d36e968-e325-11ce-bfc1-08002be10318}
        [Manufacturer]
        %Mfg% = Models, NTamd64
        [Models.NTamd64]
        %Desc% = Install, PCI\\VEN_1234&DEV_5678
        [Install.NTamd64]
        CopyFiles = Kmd_Files
        [Install.NTamd64.Services]
        AddService = ContosoKmd, 0x00000002, Kmd_Service
        [Kmd_Service]
        ServiceType = 1
        StartType = %SERVICE_DEMAND_START%
        ErrorControl = 0
        ServiceBinary = %13%\\contosokmd.sys
        [Kmd_Files]
        contosokmd.sys
        [Strings]
        Mfg = "Contoso"
        Desc = "Contoso graphics"
        SERVICE_DEMAND_START = 3
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = Media
        [Install.NTamd64.Services]
        AddService = ContosoAudio, 0x00000002, Audio_Service
        [Audio_Service]
        ServiceType = 1
        StartType = 1
        ErrorControl = 1
        ServiceBinary = %13%\\contosoaudio.sys
        """),
    ]

    public static let fixExamples = [
        FixExample(
            before: """
            [Version]
            Signature = "$Windows NT$"
            Class = Display
            [Install.NTamd64.Services]
            AddService = ContosoKmd, 0x00000002, Kmd_Service
            [Kmd_Service]
            ServiceType = 1
            StartType = 1
            ErrorControl = 0
            ServiceBinary = %13%\\contosokmd.sys
            """,
            after: """
            [Version]
            Signature = "$Windows NT$"
            Class = Display
            [Install.NTamd64.Services]
            AddService = ContosoKmd, 0x00000002, Kmd_Service
            [Kmd_Service]
            ServiceType = 1
            StartType = 3
            ErrorControl = 0
            ServiceBinary = %13%\\contosokmd.sys
            """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        guard context.isDisplayINF else { return [] }
        var result: [Violation] = []
        var seen = Set<Int>()
        for (install, section) in context.services where install.isFunctionDriver {
            guard let section, let start = section.startType, start != Self.demandStart,
                  let line = section.section.firstLine(withKey: .startType), seen.insert(line.syntaxIndex).inserted else { continue }
            let range = context.range(of: line, field: 1)
            result.append(Violation(
                range: range,
                message: "The display driver's service '\(install.name)' has StartType \(start); display drivers must be demand-started (StartType = 3)",
                fix: UnitFix(title: "Set StartType = 3", safety: .unsafe, edits: [(range, "3")],
                             followUp: "The display driver now starts when Windows finds the adapter, not at boot or system start."),
                related: [(context.range(of: install.line), "the AddService line of the display driver")],
                infVerifValues: [install.name, "StartType", "\(Self.demandStart)"]))
        }
        return result
    }
}
