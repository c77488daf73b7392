import INFModel

/// What a section is used for, as the directives that reach it say.
public enum SectionRole: Sendable, Hashable {
    /// A Models section named by `[Manufacturer]`.
    case models
    /// A DDInstall section named by a Models entry (any platform variant).
    case deviceInstall
    /// A DDInstall suffix section (`.HW`, `.Services`, `.Interfaces`, …); the suffix without the dot.
    case installSuffix(String)
    /// `[DefaultInstall…]` or `[DefaultUninstall…]`, the entry of a primitive INF.
    case defaultInstall
    /// `[ClassInstall32…]`.
    case classInstall
    /// A section that holds install directives (CopyFiles, AddReg, AddService, …) but that no
    /// Models entry or other directive reaches; checked as if it were a DDInstall section.
    case unreachedInstall
    /// A file list named by CopyFiles.
    case copyFiles
    /// A file list named by DelFiles or RenFiles.
    case fileList
    /// A registry section named by AddReg, DelReg or BitReg, with the key HKR means there.
    case registry(RegistryOperation, RegistryContext)
    /// A service-install section named by AddService.
    case serviceInstall(service: String)
    /// An event-log-install section named by AddService.
    case eventLogInstall(service: String)
    /// An add-interface section named by AddInterface.
    case interfaceInstall(guid: String)
    /// A section named by another directive (`KmdfService`, `AddEventProvider`, `AddFilter`, …).
    case directiveTarget(String)
}

/// Which key `HKR` means in a registry section, from the section that names it (DOCS AddReg).
public enum RegistryContext: Sendable, Hashable, CustomStringConvertible {
    /// DDInstall and DDInstall.CoInstallers: the device's software (driver) key.
    case deviceSoftwareKey
    /// DDInstall.HW: the device's hardware key (`Device Parameters`).
    case deviceHardwareKey
    /// A service-install section: `HKLM\SYSTEM\CurrentControlSet\Services\<service>`.
    case serviceKey(String)
    /// An event-log-install section: the service's EventLog key.
    case eventLogKey(String)
    /// An add-interface section: the device interface's key.
    case interfaceKey(String)
    /// ClassInstall32: the setup class key.
    case classKey
    /// DefaultInstall: no relative key exists; HKR is not allowed.
    case noRelativeKey
    /// A section named from a place whose HKR is not known.
    case unknown

    public var description: String {
        switch self {
        case .deviceSoftwareKey: return "the device's software key"
        case .deviceHardwareKey: return "the device's hardware key"
        case .serviceKey(let name): return "the service key of '\(name)'"
        case .eventLogKey(let name): return "the event log key of '\(name)'"
        case .interfaceKey(let guid): return "the device interface key of \(guid)"
        case .classKey: return "the setup class key"
        case .noRelativeKey: return "no key (HKR is not allowed here)"
        case .unknown: return "an unknown key"
        }
    }
}
