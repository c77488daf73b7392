import Findings
import INFModel
import IsolationEngine

/// Service-install settings that do not fit the section's ServiceType.
public struct ServiceTypeConflict: Rule {
    public static let description = RuleDescription(
        name: "service-type-conflict", codes: [1252],
        title: "A service setting conflicts with the service type",
        why: "Boot and system start are for drivers the loader and the kernel start; RequiredPrivileges, ServiceSidType, DelayedAutoStart, AddTrigger and FailureActions apply to Win32 services only, BootFlags to kernel-mode drivers only, and a kernel-mode driver is not a user-mode .exe or .dll: the service control manager rejects or ignores such settings.",
        fix: "Make ServiceType match the binary (1 for a kernel-mode driver, 0x10 or 0x20 for a Win32 service) and drop the settings that do not apply to it; a Win32 service starts with StartType 2 or 3.",
        levels: levels("W W W W"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.Services]
        AddService = Contoso, 0x2, Driver_Service
        AddService = ContosoSvc, , Win32_Service
        [Driver_Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        ↓DelayedAutoStart = 1
        [Win32_Service]
        ServiceType = 0x10
        StartType = ↓1
        ErrorControl = 1
        ServiceBinary = %13%\\contososvc.exe
        ↓BootFlags = 0x4
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.Services]
        AddService = Contoso, 0x2, Driver_Service
        [Driver_Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = ↓%13%\\contoso.exe
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.Services]
        AddService = Contoso, 0x2, Driver_Service
        AddService = ContosoSvc, , Win32_Service
        [Driver_Service]
        ServiceType = 1
        StartType = 0
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        BootFlags = 0x4
        [Win32_Service]
        ServiceType = 0x10
        StartType = 2
        ErrorControl = 1
        ServiceBinary = %13%\\contososvc.exe
        DelayedAutoStart = 1
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for (install, service) in context.serviceInstallSections {
            guard let type = service.serviceType else { continue }
            let serviceName = install.name
            let section = service.section
            let isWin32 = type & ServiceRegistryKnowledge.win32ServiceTypes != 0
            let isDriver = !isWin32 && type & ServiceRegistryKnowledge.driverServiceTypes != 0
            let typeText = "0x\(String(type, radix: 16))"
            if isWin32 {
                if let start = service.startType, ServiceRegistryKnowledge.driverStartTypes.contains(start),
                   let line = section.firstLine(withKey: .startType) {
                    result.append(Violation(
                        range: context.range(of: line, field: 1),
                        message: "[\(section.name)] is a Win32 service (ServiceType \(typeText)) with StartType \(start), a start type for drivers only",
                        infVerifValues: [serviceName, "StartType", "\(start)", typeText]))
                }
                for directive in ServiceRegistryKnowledge.driverOnlyDirectives {
                    for line in section.directive(directive) {
                        result.append(Violation(
                            range: context.range(of: line, field: 0),
                            message: "\(directive) applies to kernel-mode drivers only, but [\(section.name)] is a Win32 service (ServiceType \(typeText))",
                            infVerifValues: [serviceName, directive, (line.field(1) ?? "").trimmingCharacters(in: " \t"), typeText]))
                    }
                }
            } else if isDriver {
                for directive in ServiceRegistryKnowledge.win32OnlyDirectives {
                    for line in section.directive(directive) {
                        result.append(Violation(
                            range: context.range(of: line, field: 0),
                            message: "\(directive) applies to Win32 services only, but [\(section.name)] is a driver (ServiceType \(typeText))",
                            infVerifValues: [serviceName, directive, (line.field(1) ?? "").trimmingCharacters(in: " \t"), typeText]))
                    }
                }
                if let line = service.serviceBinaryLine, let binary = context.serviceBinaryPath(service),
                   !fileName(of: binary).containsByte(0x25), !binary.containsByte(0x24) {
                    let name = fileName(of: binary).lowercased()
                    if name.hasSuffix(".exe") || name.hasSuffix(".dll") {
                        result.append(Violation(
                            range: context.range(of: line, field: 1),
                            message: "[\(section.name)] is a kernel-mode driver (ServiceType \(typeText)) whose ServiceBinary '\(fileName(of: binary))' is a user-mode image",
                            infVerifValues: [serviceName, "ServiceBinary", binary, typeText]))
                    }
                }
            }
        }
        return result
    }
}
