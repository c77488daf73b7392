import Findings
import INFModel
import IsolationEngine

/// A device install section with no `.Services` section naming the device's function driver.
public struct MissingServicesSection: Rule {
    public static let description = RuleDescription(
        name: "missing-services-section", codes: [1296],
        title: "A device install section has no associated service",
        why: "Since Windows 10 version 1809 a device install fails unless its DDInstall.Services section names the function driver (AddService with flag 0x2) or says there is none (AddService = ,2); without it the device is left with a problem code.",
        fix: "Add [<install section>.Services] with AddService = <service>, 0x00000002, <service-install-section>, AddService = ,2 for a device that needs no driver, or Include/Needs of the inbox INF whose service drives the device. Extension, Printer, NetTrans, NetService and NetClient INFs are not checked: they install no function driver.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = System
        [Manufacturer]
        %Mfg% = Models, NTamd64
        [Models.NTamd64]
        %Desc% = Install, ACPI\\CTSO0001
        %Desc% = Other, ACPI\\CTSO0002
        ↓[Install.NTamd64]
        CopyFiles = Files
        [Other.NTamd64]
        CopyFiles = Files
        ↓[Other.NTamd64.Services]
        AddService = ContosoFilter, , Filter_Service
        [Strings]
        Mfg = "Contoso"
        Desc = "Contoso device"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = System
        [Manufacturer]
        %Mfg% = Models, NTamd64
        [Models.NTamd64]
        %Desc% = Install, ACPI\\CTSO0001
        %Desc% = Null, ACPI\\CTSO0002
        %Desc% = Winusb, USB\\VID_1234&PID_0001
        [Install.NT]
        CopyFiles = Files
        [Install.NT.Services]
        AddService = Contoso, 0x00000002, Service
        [Null.NT]
        [Null.NT.Services]
        AddService = , 2
        [Winusb.NT]
        Include = winusb.inf
        Needs = WINUSB.NT
        [Winusb.NT.Services]
        Include = winusb.inf
        Needs = WINUSB.NT.Services
        [Strings]
        Mfg = "Contoso"
        Desc = "Contoso device"
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = Extension
        ClassGuid = {e2f84ce7-8efa-411c-aa69-97454ca4cb57}
        ExtensionId = {1d1b3c1e-33d4-4e1a-9d1f-2f5b0b3f5a11}
        [Manufacturer]
        %Mfg% = Models, NTamd64
        [Models.NTamd64]
        %Desc% = Install, ACPI\\CTSO0001
        [Install.NT]
        AddReg = Reg
        [Strings]
        Mfg = "Contoso"
        Desc = "Contoso device"
        """),
    ]

    /// Classes whose install sections need no function driver: extension INFs, printers (served by the
    /// print spooler) and network protocols, services and clients (bound by the network configuration).
    static let exemptClasses = ["Extension", "Printer", "NetTrans", "NetService", "NetClient"]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        let document = context.document
        if let className = document.version.className, Self.exemptClasses.contains(where: { CaseInsensitive.equal($0, className) }) {
            return []
        }
        var result: [Violation] = []
        var seen = Set<String>()
        for reach in context.deviceInstalls where seen.insert(CaseInsensitive.fold(reach.installSection)).inserted {
            guard let install = document.section(named: reach.installSection) else { continue }
            let values = [reach.model.hardwareIDs.first(where: { !$0.isEmpty }) ?? reach.model.description, reach.model.installSection]
            let servicesName = "\(install.name).Services"
            guard let services = document.section(named: servicesName) else {
                if let range = context.headerRange(of: install) {
                    result.append(Violation(range: range,
                                            message: "[\(install.name)] has no [\(servicesName)] section; name the function driver with AddService = <name>, 0x00000002, <section>, or AddService = ,2 for a device without one",
                                            infVerifValues: values))
                }
                continue
            }
            let associated = document.services(in: services).contains { $0.isFunctionDriver }
            guard !associated, services.directive(.needs).isEmpty, let range = context.headerRange(of: services) else { continue }
            result.append(Violation(range: range,
                                    message: "[\(services.name)] adds no service with SPSVCINST_ASSOCSERVICE (0x00000002), so the device has no function driver; mark the function driver's AddService with 0x2, or add AddService = ,2",
                                    infVerifValues: values))
        }
        return result
    }
}
