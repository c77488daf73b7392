import DriverPackage
import Findings
import Foundation
import INFModel
import IsolationEngine

/// `%DriverData%` written into state that a kernel-mode driver reads.
public struct DriverDataInUserModePath: Rule {
    public static let description = RuleDescription(
        name: "driverdata-in-user-mode-path", codes: [],
        title: "%DriverData% is written for a kernel-mode reader",
        why: "%DriverData% is an environment variable that only user mode expands; the kernel reaches the same folder through the \\DriverData link, so a kernel-mode driver that reads a %DriverData% path from its registry state cannot open it.",
        fix: "Write the path as \\DriverData\\<Company>\\… for kernel-mode readers (or have the driver open the folder with IoGetDriverDirectory(DriverDirectoryData)); keep %DriverData% for user-mode readers such as UMDF drivers and services.",
        levels: levels("W W W W"), fixable: false, group: .isolationGuidance)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Contoso, NTamd64.10.0...17763
        [Contoso.NTamd64.10.0...17763]
        %Dev% = Install, Root\\IsoDrv
        [Install.NTamd64]
        [Install.NTamd64.HW]
        AddReg = HwReg
        [HwReg]
        HKR,,DataFile,,↓"%%DriverData%%\\Contoso\\state.bin"
        [Install.NTamd64.Services]
        AddService = IsoDrv, 0x2, Service
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\isodrv.sys
        AddReg = ServiceReg
        [ServiceReg]
        HKR,Parameters,LogFile,0x20000,↓%%DriverData%%\\Contoso\\isodrv.log
        [Strings]
        Mfg = "Contoso"
        Dev = "IsoDrv device"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Contoso, NTamd64.10.0...17763
        [Contoso.NTamd64.10.0...17763]
        %Dev% = Install, Root\\IsoDrv
        [Install.NTamd64]
        [Install.NTamd64.HW]
        AddReg = HwReg
        [HwReg]
        HKR,,DataFile,,"\\DriverData\\Contoso\\state.bin"
        [Install.NTamd64.Services]
        AddService = IsoDrv, 0x2, Service
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\isodrv.sys
        [Strings]
        Mfg = "Contoso"
        Dev = "IsoDrv device"
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Contoso, NTamd64.10.0...17763
        [Contoso.NTamd64.10.0...17763]
        %Dev% = Install, Root\\IsoSensor
        [Install.NTamd64]
        AddReg = SoftwareReg
        [SoftwareReg]
        HKR,,DataFile,,"%%DriverData%%\\Contoso\\sensor.bin"
        [Install.NTamd64.Services]
        AddService = WUDFRd, 0x2, WUDFRd_Service
        [WUDFRd_Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\WUDFRd.sys
        [Install.NTamd64.Wdf]
        UmdfService = IsoSensor, UmdfServiceInstall
        UmdfServiceOrder = IsoSensor
        [UmdfServiceInstall]
        UmdfLibraryVersion = 2.15.0
        ServiceBinary = %13%\\isosensor.dll
        [Strings]
        Mfg = "Contoso"
        Dev = "IsoSensor device"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        var seen = Set<Int>()
        for item in context.registryEntries where item.entry.operation == .addReg {
            let entry = item.entry
            guard entry.data.contains(where: { $0.containsASCIIIgnoringCase("%driverdata%") }),
                  let reader = kernelReader(of: item, context: context) else { continue }
            for (index, value) in entry.data.enumerated() where value.containsASCIIIgnoringCase("%driverdata%") {
                guard seen.insert(entry.line.syntaxIndex * 64 + index).inserted else { continue }
                result.append(Violation(
                    range: context.range(of: entry.line, field: 5 + index),
                    message: "'\(value)' is written for the kernel-mode driver '\(reader)', which cannot expand %DriverData%; write '\(Self.kernelForm(of: value))' instead"))
            }
        }
        return result
    }

    /// `value` with each `%DriverData%` replaced by the kernel's `\DriverData` link.
    static func kernelForm(of value: String) -> String {
        var result = value
        while let range = result.range(of: "%driverdata%", options: .caseInsensitive) {
            result.replaceSubrange(range, with: "\\DriverData")
        }
        return result
    }

    /// The kernel-mode service that reads the key a registry line writes: the service itself for its
    /// service key; for a device or interface key, the device's function driver unless a UMDF driver
    /// serves the device. Nil when the reader is user mode or unknown.
    func kernelReader(of item: ContextualRegistryEntry, context: RuleContext) -> String? {
        switch item.context {
        case .serviceKey(let name):
            return context.services.first { CaseInsensitive.equal($0.install.name, name) && isKernelService($0.section) }?.install.name
        case .deviceHardwareKey, .deviceSoftwareKey, .interfaceKey:
            guard let base = deviceInstall(of: item.link.from, context: context) else { return nil }
            if context.document.section(named: "\(base).Wdf")?.firstLine(withKey: .umdfService) != nil { return nil }
            guard let services = context.document.section(named: "\(base).Services") else { return nil }
            return context.document.services(in: services).first { service in
                service.isFunctionDriver && isKernelService(context.document.serviceInstallSection(of: service))
            }?.name
        default:
            return nil
        }
    }

    /// The DDInstall section behind `section`: itself, the base of a `.HW` or `.Interfaces` suffix
    /// section, or the section whose AddInterface names an add-interface section.
    private func deviceInstall(of section: String, context: RuleContext) -> String? {
        let roles = context.graph.roles(of: section)
        if roles.contains(.deviceInstall) { return section }
        for suffix in ["HW", "Interfaces"] where roles.contains(.installSuffix(suffix)) {
            return String(section.dropLast(suffix.count + 1))
        }
        if roles.contains(where: { if case .interfaceInstall = $0 { return true } else { return false } }),
           let link = context.graph.links(to: section).first(where: { CaseInsensitive.equal($0.directive, "AddInterface") }) {
            return deviceInstall(of: link.from, context: context)
        }
        return nil
    }

    /// Whether a service-install section installs a kernel driver or file system driver.
    private func isKernelService(_ section: ServiceInstallSection?) -> Bool {
        guard let type = section?.serviceType else { return false }
        return type == 0x1 || type == 0x2
    }
}
