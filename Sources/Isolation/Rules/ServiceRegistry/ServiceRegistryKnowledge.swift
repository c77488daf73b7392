import INFModel

/// Facts the service and registry parity rules check against.
///
/// Sources: the INF AddService directive page (EventLogType values, the ServiceType and StartType
/// codes, the service-install directives only Win32 services or only kernel-mode drivers take), the
/// INF DDInstall.WMI section page (WMIInterface flags), the INF AddReg directive page (special HKR
/// value names and their types), and the pages on the keys Plug and Play owns ("HKLM\SYSTEM\
/// CurrentControlSet\Enum registry tree", "Plug and Play registry routines", "Opening a device's
/// software key").
enum ServiceRegistryKnowledge {
    /// The EventLogType values of AddService and DelService, lowercased.
    static let eventLogTypes: Set<String> = ["system", "application", "security"]

    /// SERVICE_WIN32_OWN_PROCESS | SERVICE_WIN32_SHARE_PROCESS.
    static let win32ServiceTypes: UInt32 = 0x30
    /// SERVICE_KERNEL_DRIVER | SERVICE_FILE_SYSTEM_DRIVER.
    static let driverServiceTypes: UInt32 = 0x3
    /// SERVICE_BOOT_START and SERVICE_SYSTEM_START: start types of drivers the loader or the kernel starts.
    static let driverStartTypes: Set<UInt32> = [0, 1]
    /// SERVICE_DISABLED.
    static let disabledStartType: UInt32 = 4

    /// Service-install directives the AddService page says only Win32 services can use.
    static let win32OnlyDirectives = ["RequiredPrivileges", "ServiceSidType", "DelayedAutoStart", "AddTrigger", "FailureActions"]
    /// Service-install directives the AddService page says only kernel-mode driver services can use.
    static let driverOnlyDirectives = ["BootFlags"]

    /// The WMIInterface flags the DDInstall.WMI page defines: SCWMI_CLOBBER_SECURITY.
    static let wmiInterfaceFlags: UInt32 = 0x1

    /// FLG_DELREG_MULTI_SZ_DELSTRING: TYPE_MULTI_SZ | FLG_ADDREG_DELREG_BIT | 0x2.
    static let deleteMultiStringFlags: UInt32 = 0x18002

    /// The registry type numbers a custom `0xNNNN0001` type may not name: the AddReg page forbids
    /// the technique for REG_NONE, REG_SZ, REG_EXPAND_SZ and REG_MULTI_SZ; of these only REG_MULTI_SZ
    /// (7) is not already one of the predefined flag values.
    static let characterTypeNumbers: Set<UInt32> = [7]

    /// Keys below `HKLM\SYSTEM\CurrentControlSet` that Plug and Play owns: device instance keys, the
    /// setup class and software keys, the interface keys, containers and migration data.
    static let plugAndPlayControlSetKeys = [
        #"Enum"#, #"Control\Class"#, #"Control\DeviceClasses"#, #"Control\DeviceContainers"#,
        #"Control\DeviceMigration"#, #"Hardware Profiles"#,
    ]

    /// Other HKLM keys Windows owns: the hardware tree the kernel rebuilds at every boot, the
    /// security account and LSA hives, Windows Setup state and the driver database of the driver store.
    static let systemOwnedKeys = [#"HARDWARE"#, #"SAM"#, #"SECURITY"#, #"SYSTEM\Setup"#, #"SYSTEM\DriverDatabase"#]

    /// The types the AddReg page gives the special HKR value names (lowercased name → types accepted).
    static let wellKnownValueTypes: [String: (types: [RegistryValueType], spelled: String)] = [
        "devicecharacteristics": ([.dword], "REG_DWORD (0x10001)"),
        "devicetype": ([.dword], "REG_DWORD (0x10001)"),
        "exclusive": ([.dword], "REG_DWORD (0x10001)"),
        "upperfilters": ([.multiString], "REG_MULTI_SZ (0x10000)"),
        "lowerfilters": ([.multiString], "REG_MULTI_SZ (0x10000)"),
        "security": ([.string, .binary], "an SDDL string (REG_SZ) or a binary security descriptor"),
        "enumproppages32": ([.string, .expandString], "a string"),
        "locationinformationoverride": ([.string, .expandString], "a string"),
        "resourcepickertags": ([.string, .expandString], "a string"),
        "resourcepickerexceptions": ([.string, .expandString], "a string"),
    ]
}

extension RuleContext {
    /// Each service-install section the AddService lines name, once, with the first line naming it.
    var serviceInstallSections: [(install: ServiceInstall, section: ServiceInstallSection)] {
        var seen = Set<String>()
        return services.compactMap { item in
            guard let section = item.section, seen.insert(CaseInsensitive.fold(section.section.name)).inserted else { return nil }
            return (item.install, section)
        }
    }

    /// The ServiceBinary of a service-install section with strings substituted and DIRIDs kept as `%N%`.
    func serviceBinaryPath(_ service: ServiceInstallSection) -> String? {
        guard let raw = service.serviceBinaryLine?.rawFields.first else { return nil }
        var path = ""
        for piece in document.substituter.pieces(raw) {
            switch piece {
            case .text(let text): path += text
            case .dirid(let dirid): path += "%\(dirid)%"
            }
        }
        return path.trimmingCharacters(in: " \t")
    }

    /// Whether two install sections can apply to the same architecture.
    func architecturesOverlap(_ a: String, _ b: String) -> Bool {
        !architectures(ofInstallSection: a).isDisjoint(with: architectures(ofInstallSection: b))
    }
}
