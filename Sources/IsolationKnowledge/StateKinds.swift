import INFModel

/// A kind of state a driver package keeps, as the driver package isolation guidance sorts it: which
/// registry key or folder holds it and who owns it.
public enum StateKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Settings of one device that its hardware key holds (`Device Parameters`).
    case deviceHardwareRegistry = "device-hardware-registry"
    /// Settings of one device that its software (driver) key holds.
    case deviceSoftwareRegistry = "device-software-registry"
    /// Settings of one device interface instance.
    case deviceInterfaceRegistry = "device-interface-registry"
    /// A service's Parameters key: written by the INF, read-only at run time.
    case serviceParametersRegistry = "service-parameters-registry"
    /// A driver's or service's private registry state, which it may write.
    case internalServiceRegistry = "internal-service-registry"
    /// Registry state a driver or service shares with the other components of its package.
    case sharedServiceRegistry = "shared-service-registry"
    /// Files the driver keeps for one device.
    case deviceDataDirectory = "device-data-directory"
    /// Files private to a driver or service.
    case driverDataDirectory = "driver-data-directory"
    /// Files a driver or service shares with the other components of its package.
    case sharedDataDirectory = "shared-data-directory"
    /// The folder the driver's own image was loaded from (its driver store folder when it runs from there).
    case driverImageDirectory = "driver-image-directory"
    /// Small structured state of one device, kept as device properties.
    case deviceProperties = "device-properties"
    /// Small structured state of one device interface instance, kept as interface properties.
    case interfaceProperties = "interface-properties"
    /// Files under `%DriverData%` (drivers) or `%ProgramData%` (applications and services).
    case driverData = "driver-data"
    /// Scratch files that need not survive.
    case temporaryFiles = "temporary-files"

    /// A short title for tables.
    public var title: String {
        switch self {
        case .deviceHardwareRegistry: return "device hardware registry"
        case .deviceSoftwareRegistry: return "device software registry"
        case .deviceInterfaceRegistry: return "device interface registry"
        case .serviceParametersRegistry: return "service parameters registry (read-only, from the INF)"
        case .internalServiceRegistry: return "service internal (persistent) registry"
        case .sharedServiceRegistry: return "service shared registry"
        case .deviceDataDirectory: return "device data directory"
        case .driverDataDirectory: return "driver or service data directory"
        case .sharedDataDirectory: return "shared data directory"
        case .driverImageDirectory: return "driver image directory"
        case .deviceProperties: return "device properties"
        case .interfaceProperties: return "device interface properties"
        case .driverData: return "DriverData / ProgramData"
        case .temporaryFiles: return "temporary files"
        }
    }

    /// The kind named `name`: its identifier, or its Swift case name, in any letter case.
    public init?(name: String) {
        let lowered = name.lowercased()
        guard let kind = Self.allCases.first(where: { $0.rawValue == lowered || "\($0)".lowercased() == lowered }) else { return nil }
        self = kind
    }
}

/// Where a kind of state lives on disk or in the registry, and how sure that is.
public struct StateStorage: Sendable, Hashable {
    /// How the location is known.
    public enum Evidence: String, Sendable, Hashable {
        /// Microsoft's documentation names it.
        case documented
        /// Seen on real systems; the documentation does not name it.
        case observed
        /// Neither documented nor observed: only the API's handle or path leads there.
        case undocumented
    }

    /// The key or folder, or `nil` when undocumented.
    public let location: String?
    /// How the location is known.
    public let evidence: Evidence

    /// A documented location.
    public static func documented(_ location: String) -> StateStorage { StateStorage(location: location, evidence: .documented) }
    /// A location seen on real systems but not documented.
    public static func observed(_ location: String) -> StateStorage { StateStorage(location: location, evidence: .observed) }
    /// No known location.
    public static let undocumented = StateStorage(location: nil, evidence: .undocumented)

    /// The location as tables show it: the path, marked "(observed, undocumented)" when only seen,
    /// or "undocumented".
    public var description: String {
        switch evidence {
        case .documented: return location ?? "undocumented"
        case .observed: return (location ?? "") + " (observed, undocumented)"
        case .undocumented: return "undocumented"
        }
    }
}

/// How one family of code reaches one kind of state: the calls, the argument value that selects the
/// state, since when, and where the data lives.
public struct StateAccess: Sendable, Hashable {
    /// The kind of state.
    public let kind: StateKind
    /// The family of the code that keeps the state.
    public let family: StateAPIFamily
    /// The APIs to call, in ``StateAPIs`` (empty when the family has none for this kind).
    public let calls: [StateAPI]
    /// The argument value that selects the state (`DriverRegKeyPersistentState`), or flags joined with `|`.
    public let argument: String?
    /// How to use the calls, or what to do when there is none.
    public let usage: String
    /// Where the data lives.
    public let storage: StateStorage
    /// Access rights, lifetime and caveats.
    public let notes: String?
    /// The first Windows version where the family reaches the state this way, or `nil` when it cannot.
    public let minimumVersion: WindowsVersion?
    /// That version as people name it.
    public let release: String?

    /// The framework version the framework calls need (`KMDF 1.25`), if any.
    public var frameworkVersion: String? {
        calls.filter { $0.family == family }.max { $0.minimumVersion < $1.minimumVersion }?.frameworkVersion
    }

    /// Whether the family has a way to reach the state at all.
    public var isAvailable: Bool { minimumVersion != nil }

    /// The call as people write it: `IoOpenDriverRegistryKey(DriverRegKeyPersistentState)`.
    public var callDescription: String {
        guard let first = calls.first else { return usage }
        let names = calls.map(\.name).joined(separator: " / ")
        guard let argument else { return names }
        return calls.count == 1 ? "\(first.name)(\(argument))" : "\(names) (\(argument))"
    }
}

/// Which API each family calls for each kind of state, and where the state lives
/// (the isolation guidance's state sections and the DDI and Win32 pages).
public enum StateKinds {
    /// Every family's way to every kind of state.
    public static let all: [StateAccess] = wdm + kmdf + umdf + userMode

    /// How `family` reaches `kind`.
    public static func access(_ kind: StateKind, family: StateAPIFamily) -> StateAccess? {
        all.first { $0.kind == kind && $0.family == family }
    }

    /// Every way, in any family, that calls `api`.
    public static func uses(of api: StateAPI) -> [StateAccess] {
        all.filter { access in access.calls.contains { $0.name == api.name && $0.family == api.family } }
    }

    static let hardwareKey = StateStorage.documented(#"HKLM\SYSTEM\CurrentControlSet\Enum\<device instance path>\Device Parameters"#)
    static let softwareKey = StateStorage.documented(#"HKLM\SYSTEM\CurrentControlSet\Control\Class\{ClassGuid}\<NNNN>"#)
    static let interfaceKey = StateStorage.documented(#"a key below HKLM\SYSTEM\CurrentControlSet\Control\DeviceClasses\{InterfaceClassGuid} (never open it by path)"#)
    static let parametersKey = StateStorage.documented(#"HKLM\SYSTEM\CurrentControlSet\Services\<service>\Parameters"#)
    static let stateKey = StateStorage.observed(#"HKLM\SYSTEM\CurrentControlSet\Services\<service>\State"#)
    static let driverStore = StateStorage.documented(#"%SystemRoot%\System32\DriverStore\FileRepository\<inf>_<arch>_<hash> when the INF copies to DIRID 13"#)
    static let propertyStore = StateStorage(location: nil, evidence: .undocumented)
    static let driverDataFolder = StateStorage.observed(#"%SystemRoot%\System32\Drivers\DriverData (%DriverData%; kernel: \DriverData)"#)
    static let parametersReadOnly = "Written by the INF's service AddReg (HKR,Parameters); read-only at run time: write overrides to persistent state."
    static let privateState = "Private to the driver; Windows deletes it with the service."
    static let sharedState = "Shared with the other components of the package (services, drivers, applications)."
    static let kernelDataFolder = "ZwCreateFile or ZwOpenFile with OBJECT_ATTRIBUTES.RootDirectory set to the handle"
    static let noKernelTemp = "Kernel mode has no temporary folder: keep scratch files in the driver data directory (IoGetDriverDirectory(DriverDirectoryData))."

    /// WDM drivers.
    static let wdm: [StateAccess] = [
        row(.deviceHardwareRegistry, .wdm, ["IoOpenDeviceRegistryKey"], "PLUGPLAY_REGKEY_DEVICE",
            "Open the PDO's hardware key.", hardwareKey),
        row(.deviceSoftwareRegistry, .wdm, ["IoOpenDeviceRegistryKey"], "PLUGPLAY_REGKEY_DRIVER",
            "Open the PDO's software key.", softwareKey,
            notes: "Leave the values Windows writes there alone (DriverDesc, DriverVersion, InfPath, MatchingDeviceId and the like)."),
        row(.deviceInterfaceRegistry, .wdm, ["IoOpenDeviceInterfaceRegistryKey"], nil,
            "Open the key of an interface instance by its symbolic link name.", interfaceKey),
        row(.serviceParametersRegistry, .wdm, ["IoOpenDriverRegistryKey"], "DriverRegKeyParameters",
            "Open the driver's Parameters key for reading.", parametersKey, notes: parametersReadOnly),
        row(.internalServiceRegistry, .wdm, ["IoOpenDriverRegistryKey"], "DriverRegKeyPersistentState",
            "Open the driver's private persistent-state key.", stateKey, notes: privateState),
        row(.sharedServiceRegistry, .wdm, ["IoOpenDriverRegistryKey"], "DriverRegKeySharedPersistentState",
            "Open the key the driver shares with its package.", .undocumented, notes: sharedState),
        row(.deviceDataDirectory, .wdm, ["IoGetDeviceDirectory"], "DeviceDirectoryData",
            "Get a handle to the device's folder; open files with " + kernelDataFolder + ".", .undocumented,
            notes: "PASSIVE_LEVEL in a system thread; fails before disks and volumes have started."),
        row(.driverDataDirectory, .wdm, ["IoGetDriverDirectory"], "DriverDirectoryData",
            "Get a handle to the driver's data folder; open files with " + kernelDataFolder + ".", .undocumented,
            notes: privateState + " PASSIVE_LEVEL; fails before disks and volumes have started."),
        row(.sharedDataDirectory, .wdm, ["IoGetDriverDirectory"], "DriverDirectorySharedData",
            "Get a handle to the folder the driver shares with its package.", .undocumented, notes: sharedState),
        row(.driverImageDirectory, .wdm, ["IoGetDriverDirectory"], "DriverDirectoryImage",
            "Get a handle to the folder the driver was loaded from; open the package's other files relative to it.", driverStore),
        row(.deviceProperties, .wdm, ["IoGetDevicePropertyData", "IoSetDevicePropertyData"], nil,
            "Read and write a custom DEVPKEY on the PDO.", propertyStore,
            notes: "Preferred for small structured device state; the PnP manager stores it."),
        row(.interfaceProperties, .wdm, ["IoGetDeviceInterfacePropertyData", "IoSetDeviceInterfacePropertyData"], nil,
            "Read and write a custom DEVPKEY on an interface instance.", propertyStore),
        row(.driverData, .wdm, [], nil, #"ZwCreateFile on \DriverData\<Company>\<Product>\…, never the root"#, driverDataFolder,
            since: (StateAPIs.build17134, "Windows 10 version 1803"),
            notes: "Prefer the driver data directory (IoGetDriverDirectory(DriverDirectoryData))."),
        row(.temporaryFiles, .wdm, [], nil, noKernelTemp, .undocumented),
    ]

    /// KMDF drivers (which may call the WDM routines through WdfDriverWdmGetDriverObject and
    /// WdfDeviceWdmGetPhysicalDevice where the framework has no method).
    static let kmdf: [StateAccess] = [
        row(.deviceHardwareRegistry, .kmdf, ["WdfDeviceOpenRegistryKey"], "PLUGPLAY_REGKEY_DEVICE",
            "Open the device's hardware key (WdfFdoInitOpenRegistryKey before the device object exists).", hardwareKey),
        row(.deviceSoftwareRegistry, .kmdf, ["WdfDeviceOpenRegistryKey"], "PLUGPLAY_REGKEY_DRIVER",
            "Open the device's software key (WdfFdoInitOpenRegistryKey before the device object exists).", softwareKey),
        row(.deviceInterfaceRegistry, .kmdf, ["IoOpenDeviceInterfaceRegistryKey"], nil,
            "No framework method: call the WDM routine with the interface's symbolic link name.", interfaceKey, callFamily: .wdm),
        row(.serviceParametersRegistry, .kmdf, ["WdfDriverOpenParametersRegistryKey"], nil,
            "Open the driver's Parameters key for reading.", parametersKey, notes: parametersReadOnly),
        row(.internalServiceRegistry, .kmdf, ["WdfDriverOpenPersistentStateRegistryKey"], nil,
            "Open the driver's private persistent-state key.", stateKey,
            notes: privateState + " One DDI page says Windows 10 version 1909; the isolation guidance and KMDF 1.25 say 1803."),
        row(.sharedServiceRegistry, .kmdf, ["IoOpenDriverRegistryKey"], "DriverRegKeySharedPersistentState",
            "No framework method: call the WDM routine with WdfDriverWdmGetDriverObject.", .undocumented,
            notes: sharedState, callFamily: .wdm),
        row(.deviceDataDirectory, .kmdf, ["IoGetDeviceDirectory"], "DeviceDirectoryData",
            "No framework method: call the WDM routine with WdfDeviceWdmGetPhysicalDevice.", .undocumented, callFamily: .wdm),
        row(.driverDataDirectory, .kmdf, ["IoGetDriverDirectory"], "DriverDirectoryData",
            "No framework method: call the WDM routine with WdfDriverWdmGetDriverObject.", .undocumented,
            notes: privateState, callFamily: .wdm),
        row(.sharedDataDirectory, .kmdf, ["IoGetDriverDirectory"], "DriverDirectorySharedData",
            "No framework method: call the WDM routine with WdfDriverWdmGetDriverObject.", .undocumented,
            notes: sharedState, callFamily: .wdm),
        row(.driverImageDirectory, .kmdf, ["IoGetDriverDirectory"], "DriverDirectoryImage",
            "No framework method: call the WDM routine with WdfDriverWdmGetDriverObject.", driverStore, callFamily: .wdm),
        row(.deviceProperties, .kmdf, ["WdfDeviceQueryPropertyEx", "WdfDeviceAllocAndQueryPropertyEx", "WdfDeviceAssignProperty"], nil,
            "Read and write a custom DEVPKEY (KMDF 1.0 has only the read-only WdfDeviceQueryProperty).", propertyStore),
        row(.interfaceProperties, .kmdf, ["IoGetDeviceInterfacePropertyData", "IoSetDeviceInterfacePropertyData"], nil,
            "No framework method: call the WDM routines.", propertyStore, callFamily: .wdm),
        row(.driverData, .kmdf, [], nil, #"ZwCreateFile on \DriverData\<Company>\<Product>\…, never the root"#, driverDataFolder,
            since: (StateAPIs.build17134, "Windows 10 version 1803")),
        row(.temporaryFiles, .kmdf, [], nil, noKernelTemp, .undocumented),
    ]

    /// UMDF 2 drivers.
    static let umdf: [StateAccess] = [
        row(.deviceHardwareRegistry, .umdf, ["WdfDeviceOpenRegistryKey"], "PLUGPLAY_REGKEY_DEVICE | WDF_REGKEY_DEVICE_SUBKEY",
            "Without WDF_REGKEY_DEVICE_SUBKEY the key is read-only; with it the driver writes its own <service> subkey.",
            .documented(#"HKLM\SYSTEM\CurrentControlSet\Enum\<device instance path>\Device Parameters\<service>"#)),
        row(.deviceSoftwareRegistry, .umdf, ["WdfDeviceOpenRegistryKey"], "PLUGPLAY_REGKEY_DRIVER | WDF_REGKEY_DRIVER_SUBKEY",
            "Without WDF_REGKEY_DRIVER_SUBKEY the key is read-only; with it the driver writes its own <service> subkey.",
            .documented(#"HKLM\SYSTEM\CurrentControlSet\Control\Class\{ClassGuid}\<NNNN>\<service>"#)),
        row(.deviceInterfaceRegistry, .umdf, [], nil,
            "No UMDF method: keep interface state in interface properties (WdfDeviceAssignInterfaceProperty).", .undocumented),
        row(.serviceParametersRegistry, .umdf, ["WdfDriverOpenParametersRegistryKey"], nil,
            "Open the driver's Parameters key for reading.",
            .documented(#"HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\WUDF\Services\<service> (layout below it not documented)"#),
            notes: parametersReadOnly),
        row(.internalServiceRegistry, .umdf, ["WdfDriverOpenPersistentStateRegistryKey"], nil,
            "Open the driver's private persistent-state key.", .undocumented, notes: privateState),
        row(.sharedServiceRegistry, .umdf, [], nil,
            "No UMDF method: share state through device properties or the device's software key.", .undocumented),
        row(.deviceDataDirectory, .umdf, ["WdfDeviceRetrieveDeviceDirectoryString"], nil,
            "Get the path of the device's folder.", .undocumented),
        row(.driverDataDirectory, .umdf, ["WdfDriverRetrieveDriverDataDirectoryString"], nil,
            "Get the path of the driver's data folder.", .undocumented, notes: privateState),
        row(.sharedDataDirectory, .umdf, [], nil,
            #"No UMDF method: use %DriverData%\<Company>\<Product>."#, .undocumented),
        row(.driverImageDirectory, .umdf, [], nil,
            "GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS, a function of the driver) and GetModuleFileNameW, then strip the file name.",
            driverStore, since: (StateAPIs.windowsXP, "Windows XP"),
            notes: "UMDF loads drivers from the driver store only from Windows 10 version 1803."),
        row(.deviceProperties, .umdf, ["WdfDeviceQueryPropertyEx", "WdfDeviceAllocAndQueryPropertyEx", "WdfDeviceAssignProperty"], nil,
            "Read and write a custom DEVPKEY.", propertyStore),
        row(.interfaceProperties, .umdf,
            ["WdfDeviceQueryInterfaceProperty", "WdfDeviceAllocAndQueryInterfaceProperty", "WdfDeviceAssignInterfaceProperty"], nil,
            "Read and write a custom DEVPKEY on an interface instance.", propertyStore),
        row(.driverData, .umdf, [], nil, #"Files under %DriverData%\<Company>\<Product>\…, never the root"#, driverDataFolder,
            since: (StateAPIs.build17134, "Windows 10 version 1803"),
            notes: "Only administrators and UMDF drivers may write there."),
        row(.temporaryFiles, .umdf, [], nil, #"GetTempPathW, then a <Company> subfolder (never the root of %TEMP%)"#,
            .documented("%TEMP% / %TMP% of the driver host's account"), since: (StateAPIs.windowsXP, "Windows XP")),
    ]

    static let serviceAccess = "Only LocalSystem and the service's SID may write (service SIDs must be enabled); Windows deletes it with the service."
    static let sharedServiceAccess = "Local administrators may write too; Windows deletes it with the service."

    /// Win32 services and applications.
    static let userMode: [StateAccess] = [
        row(.deviceHardwareRegistry, .userMode, ["CM_Open_DevNode_Key"], "CM_REGISTRY_HARDWARE",
            "Open the device's hardware key (find the device with CM_Get_Device_ID_List).", hardwareKey),
        row(.deviceSoftwareRegistry, .userMode, ["CM_Open_DevNode_Key"], "CM_REGISTRY_SOFTWARE",
            "Open the device's software key.", softwareKey),
        row(.deviceInterfaceRegistry, .userMode, ["CM_Open_Device_Interface_KeyW"], nil,
            "Open an interface instance's key (find it with CM_Get_Device_Interface_List).", interfaceKey),
        row(.serviceParametersRegistry, .userMode, ["GetServiceRegistryStateKey"], "ServiceRegistryStateParameters",
            "Open the service's Parameters key for reading.", parametersKey, notes: parametersReadOnly),
        row(.internalServiceRegistry, .userMode, ["GetServiceRegistryStateKey"], "ServiceRegistryStatePersistent",
            "Open the service's private persistent-state key.", .undocumented, notes: serviceAccess),
        row(.sharedServiceRegistry, .userMode, ["GetSharedServiceRegistryStateKey"], "ServiceSharedRegistryPersistentState",
            "Open the key the service shares with its package.", .undocumented, notes: sharedServiceAccess),
        row(.deviceDataDirectory, .userMode, [], nil,
            "No user-mode call: the device's driver owns its device folder; keep device state in device properties.", .undocumented),
        row(.driverDataDirectory, .userMode, ["GetServiceDirectory"], "ServiceDirectoryPersistentState",
            "Get the path of the service's private folder.", .observed(#"%SystemRoot%\ServiceState\<service>"#), notes: serviceAccess),
        row(.sharedDataDirectory, .userMode, ["GetSharedServiceDirectory"], "ServiceSharedDirectoryPersistentState",
            "Get the path of the folder the service shares with its package.", .undocumented, notes: sharedServiceAccess),
        row(.driverImageDirectory, .userMode, [], nil,
            "GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS, a function of the module) and GetModuleFileNameW, then strip the file name.",
            driverStore, since: (StateAPIs.windowsXP, "Windows XP")),
        row(.deviceProperties, .userMode, ["CM_Get_DevNode_PropertyW", "CM_Set_DevNode_PropertyW"], nil,
            "Read and write a DEVPKEY of the device.", propertyStore),
        row(.interfaceProperties, .userMode, ["CM_Get_Device_Interface_PropertyW", "CM_Set_Device_Interface_PropertyW"], nil,
            "Read and write a DEVPKEY of an interface instance.", propertyStore),
        row(.driverData, .userMode, [], nil, #"Files under %ProgramData%\<Company>\<Product>\… (applications and services), never the root"#,
            .documented("%ProgramData%"), since: (StateAPIs.vista, "Windows Vista"),
            notes: "%DriverData% (from Windows 10 version 1803) is for drivers: only administrators and UMDF drivers may write there."),
        row(.temporaryFiles, .userMode, [], nil, #"GetTempPathW, then a <Company> subfolder (never the root of %TEMP%)"#,
            .documented("%TEMP% / %TMP%"), since: (StateAPIs.windowsXP, "Windows XP")),
    ]

    /// A way to reach `kind` from `family` through `names` (APIs of `callFamily`, by default `family`).
    /// Without calls, `since` gives the first version of the usage, or `nil` when there is none.
    private static func row(_ kind: StateKind, _ family: StateAPIFamily, _ names: [String], _ argument: String?,
                            _ usage: String, _ storage: StateStorage, since: (WindowsVersion, String)? = nil,
                            notes: String? = nil, callFamily: StateAPIFamily? = nil) -> StateAccess {
        let calls = names.compactMap { StateAPIs.api(named: $0, family: callFamily ?? family) }
        // The version is the latest of the calls' and of the argument value's (the first flag names it).
        var version = since
        for api in calls {
            let selected = argument.flatMap { api.argument(named: String($0.split(separator: " ")[0])) }
            let candidate = selected.map { ($0.minimumVersion, $0.release) } ?? (api.minimumVersion, api.release)
            if version.map({ $0.0 < candidate.0 }) ?? true { version = candidate }
        }
        return StateAccess(kind: kind, family: family, calls: calls, argument: argument, usage: usage, storage: storage,
                           notes: notes, minimumVersion: version?.0, release: version?.1)
    }
}
