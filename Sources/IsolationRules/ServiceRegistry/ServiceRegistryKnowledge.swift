import DriverPackage
import Findings
import INFModel
import IsolationEngine

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

    /// The types the AddReg page gives the special HKR value names (lowercased name → types accepted,
    /// and whether Plug and Play reads it as a device property, from the hardware or class key only;
    /// the software key of some classes, e.g. modems, uses the same names for values of their own).
    static let wellKnownValueTypes: [String: (types: [RegistryValueType], spelled: String, deviceProperty: Bool)] = [
        "devicecharacteristics": ([.dword], "REG_DWORD (0x10001)", true),
        "devicetype": ([.dword], "REG_DWORD (0x10001)", true),
        "exclusive": ([.dword], "REG_DWORD (0x10001)", true),
        "upperfilters": ([.multiString], "REG_MULTI_SZ (0x10000)", true),
        "lowerfilters": ([.multiString], "REG_MULTI_SZ (0x10000)", true),
        "security": ([.string, .binary], "an SDDL string (REG_SZ) or a binary security descriptor", true),
        "enumproppages32": ([.string, .expandString], "a string", false),
        "locationinformationoverride": ([.string, .expandString], "a string", false),
        "resourcepickertags": ([.string, .expandString], "a string", false),
        "resourcepickerexceptions": ([.string, .expandString], "a string", false),
    ]
}

/// Each service-install section once, shared by the service rules.
private enum ServiceInstallSectionsKey: RuleContextKey {
    typealias Value = [(install: ServiceInstall, section: ServiceInstallSection)]
}

extension RuleContext {
    /// Each service-install section the AddService lines name, once, with the first line naming it.
    var serviceInstallSections: [(install: ServiceInstall, section: ServiceInstallSection)] {
        shared(ServiceInstallSectionsKey.self) {
            var seen = Set<Int>()
            return services.compactMap { item in
                guard let section = item.section, seen.insert(section.section.number).inserted else { return nil }
                return (item.install, section)
            }
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

    /// Whether two install sections can both be installed on one system: both installed, not platform variants of
    /// one section (SetupAPI picks one of them), on a common architecture, and, for DDInstall sections
    /// that Models entries reach, from Models ranges that share an architecture and a Windows version.
    func installSectionsCanApplyTogether(_ a: String, _ b: String) -> Bool {
        // A section nothing installs (no Models entry, DefaultInstall or directive names it) is run by
        // its own caller, if at all, not alongside the others.
        func isInstalled(_ name: String) -> Bool {
            graph.roles(of: name).contains { $0.isInstall && $0 != .unreachedInstall }
        }
        guard isInstalled(a), isInstalled(b) else { return false }
        let (baseA, suffixA) = Self.undecorated(a), (baseB, suffixB) = Self.undecorated(b)
        if CaseInsensitive.equal(baseA, baseB), CaseInsensitive.equal(suffixA, suffixB) { return false }
        guard !document.installArchitectures(ofSection: a).isDisjoint(with: document.installArchitectures(ofSection: b)) else { return false }
        let rangesA = deviceInstalls.filter { CaseInsensitive.equal($0.installSection, baseA) }.map(\.range)
        let rangesB = deviceInstalls.filter { CaseInsensitive.equal($0.installSection, baseB) }.map(\.range)
        guard !rangesA.isEmpty, !rangesB.isEmpty else { return true }
        return rangesA.contains { x in
            rangesB.contains { y in
                x.architecture == y.architecture
                    && y.upperBound.map { x.lowest < $0 } ?? true
                    && x.upperBound.map { y.lowest < $0 } ?? true
            }
        }
    }

    /// A section name without its platform decoration, and its install suffix (`Services`, `HW`, …) if any:
    /// `Install.NTamd64.10.0...22000.Services` gives (`Install`, `Services`).
    static func undecorated(_ name: String) -> (base: String, suffix: String) {
        var parts = name.split(ascii: ".", omittingEmptySubsequences: false).map(String.init)
        var suffix = ""
        if parts.count > 1, let last = parts.last,
           SectionGraph.installSuffixes.contains(where: { CaseInsensitive.equal($0, last) }) {
            suffix = last
            parts.removeLast()
        }
        for index in parts.indices.dropFirst()
        where PlatformDecoration(parsing: parts[index...].joined(separator: ".")) != nil || PlatformDecoration(parsing: parts[index]) != nil {
            return (parts[..<index].joined(separator: "."), suffix)
        }
        return (parts.joined(separator: "."), suffix)
    }
}
