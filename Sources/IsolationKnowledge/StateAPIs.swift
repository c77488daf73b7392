import INFModel

/// Where a state-management API lives: the kernel, a driver framework, or user mode.
public enum StateAPIFamily: String, Sendable, Hashable, CaseIterable, Codable {
    /// WDM routines exported by the kernel.
    case wdm
    /// Kernel-Mode Driver Framework methods.
    case kmdf
    /// User-Mode Driver Framework (version 2) methods.
    case umdf
    /// User-mode Win32 functions.
    case userMode

    /// Whether the family's callers run in kernel mode.
    public var isKernelMode: Bool { self == .wdm || self == .kmdf }

    /// The name used in messages.
    public var displayName: String {
        switch self {
        case .wdm: return "WDM"
        case .kmdf: return "KMDF"
        case .umdf: return "UMDF"
        case .userMode: return "user mode"
        }
    }
}

/// An API that drivers and their components use to find and keep state, with the first Windows
/// version that has it.
public struct StateAPI: Sendable, Hashable {
    /// The exported name (with its `A`/`W` suffix where it has one).
    public let name: String
    /// The module that exports it (for framework methods: the framework's runtime, which a driver
    /// reaches through its function table rather than an import).
    public let module: String
    /// The kernel, framework or user-mode family the API belongs to.
    public let family: StateAPIFamily
    /// The first Windows version that has it.
    public let minimumVersion: WindowsVersion
    /// That version as people name it (`Windows 10 version 1803`).
    public let release: String
    /// The framework version that introduced a framework method (`KMDF 1.25`).
    public let frameworkVersion: String?
    /// What the API is for, in one sentence.
    public let purpose: String
    /// The enumeration or flag values that pick what the API opens, each with the first Windows
    /// version that accepts it.
    public let arguments: [StateAPIArgument]
    /// Other calls for older targets or related needs.
    public let alternatives: [StateAPIAlternative]

    /// The argument value named `name` (case-insensitive).
    public func argument(named name: String) -> StateAPIArgument? {
        arguments.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// The TargetOSVersion decoration that keeps a Models section to versions that have the API, on `architecture`.
    public func decoration(for architecture: Architecture) -> String {
        Self.decoration(for: minimumVersion, architecture: architecture)
    }

    /// The TargetOSVersion decoration that keeps a Models section to `version` and later, on `architecture`.
    public static func decoration(for version: WindowsVersion, architecture: Architecture) -> String {
        if version.major >= 10 && version.build > 0 { return "NT\(architecture.rawValue).\(version.major).\(version.minor)...\(version.build)" }
        return "NT\(architecture.rawValue).\(version.major).\(version.minor)"
    }

    /// How a driver can call the API yet still load on versions without it.
    public var runtimeLookup: String {
        switch family {
        case .wdm: return "look it up with MmGetSystemRoutineAddress and fall back when it is missing"
        case .userMode: return "look it up with GetProcAddress and fall back when it is missing"
        case .kmdf, .umdf: return "set the minimum framework version the driver requires lower and call it only when WdfDriverIsVersionAvailable reports a framework that has it"
        }
    }
}

/// A value of the enumeration or flag argument that picks what a state API opens
/// (`DriverRegKeyPersistentState` of `DRIVER_REGKEY_TYPE`).
public struct StateAPIArgument: Sendable, Hashable {
    /// The C type of the enumeration, or the parameter that takes `#define` flags.
    public let type: String
    /// The value's name as the headers spell it.
    public let name: String
    /// The numeric value, where the documentation gives it.
    public let value: Int?
    /// The first Windows version that accepts the value.
    public let minimumVersion: WindowsVersion
    /// That version as people name it.
    public let release: String
}

/// Another call that does the job of a state API where the API cannot: on older Windows versions,
/// or for a related need.
public struct StateAPIAlternative: Sendable, Hashable {
    /// The call, with its argument where one matters.
    public let call: String
    /// When to use it instead.
    public let when: String
    /// The Windows version before which it replaces the API, or `nil` when it serves a related need
    /// on any version.
    public let before: WindowsVersion?

    /// Whether it replaces the API on `target`.
    public func replaces(on target: WindowsVersion) -> Bool {
        before.map { target < $0 } ?? false
    }
}

/// The state-management APIs of the driver package isolation guidance, per family and Windows version
/// (the quick-reference tables of "Driver package isolation", checked against the DDI pages and the
/// framework version histories), with the argument values that pick each kind of state.
public enum StateAPIs {
    static let windows2000 = WindowsVersion(major: 5, minor: 0)
    static let windowsXP = WindowsVersion(major: 5, minor: 1)
    static let vista = WindowsVersion(major: 6, minor: 0)
    static let windows8 = WindowsVersion(major: 6, minor: 2)
    static let windows81 = WindowsVersion(major: 6, minor: 3)
    static let build17134 = WindowsVersion(major: 10, minor: 0, build: 17134)
    static let build17763 = WindowsVersion(major: 10, minor: 0, build: 17763)
    static let build19041 = WindowsVersion(major: 10, minor: 0, build: 19041)
    static let build22000 = WindowsVersion(major: 10, minor: 0, build: 22000)

    // The DDI enumeration pages name "Windows Iron" (Server 2022, build 20348) for the shared values;
    // the isolation guidance names Windows 11. The later one is kept.
    static let shared = (build22000, "Windows 11")

    /// Every API of the tables.
    public static let all: [StateAPI] = wdm + kmdf + umdf + userMode

    static let plugPlayKeys = [
        value("DevInstKeyType", "PLUGPLAY_REGKEY_DEVICE", 1),
        value("DevInstKeyType", "PLUGPLAY_REGKEY_DRIVER", 2),
    ]
    static let wdfKeys = plugPlayKeys + [
        value("DeviceInstanceKeyType", "WDF_REGKEY_DEVICE_SUBKEY", nil),
        value("DeviceInstanceKeyType", "WDF_REGKEY_DRIVER_SUBKEY", nil),
    ]
    static let olderDriverKey = StateAPIAlternative(
        call: "ZwOpenKey on the RegistryPath given to DriverEntry, then its Parameters subkey",
        when: "before Windows 10 version 1803 (not isolated: Driver Verifier reports opening keys by path)",
        before: build17134)
    static let deviceKey = StateAPIAlternative(
        call: "IoOpenDeviceRegistryKey(PLUGPLAY_REGKEY_DRIVER)",
        when: "before Windows 10 version 1803, for writable state that belongs to a device", before: build17134)
    static let wdfDeviceKey = StateAPIAlternative(
        call: "WdfDeviceOpenRegistryKey(PLUGPLAY_REGKEY_DRIVER)",
        when: "before Windows 10 version 1803, for writable state that belongs to a device", before: build17134)
    static let withFallback = StateAPIAlternative(
        call: "RtlQueryRegistryValueWithFallback",
        when: "to read an override from persistent state and fall back to the INF's default in Parameters (Windows 10 version 1809)",
        before: nil)
    static let fullDriverPath = StateAPIAlternative(
        call: "IoQueryFullDriverPath, then strip the file name",
        when: "to find the driver's own folder before Windows 10 version 1803 (Windows 8.1 and later)",
        before: build17134)

    /// WDM routines, exported by ntoskrnl.exe.
    public static let wdm: [StateAPI] =
        apis([
            entry("IoOpenDeviceRegistryKey", "Opens a device's hardware key (Device Parameters) or its software (driver) key.",
                  arguments: plugPlayKeys),
            entry("IoOpenDeviceInterfaceRegistryKey", "Opens the registry key of a device interface instance."),
        ], .wdm, "ntoskrnl.exe", windows2000, "Windows 2000")
        + apis([
            entry("IoGetDevicePropertyData", "Reads a device property (DEVPKEY) that the PnP manager keeps for the device."),
            entry("IoSetDevicePropertyData", "Writes a device property, the preferred home of small structured device state."),
        ], .wdm, "ntoskrnl.exe", vista, "Windows Vista")
        + apis([
            entry("IoGetDeviceInterfacePropertyData", "Reads a property of a device interface instance."),
            entry("IoSetDeviceInterfacePropertyData", "Writes a property of a device interface instance."),
        ], .wdm, "ntoskrnl.exe", windows8, "Windows 8")
        + apis([
            entry("IoQueryFullDriverPath", "Returns the full path of the file a driver object was loaded from.",
                  alternatives: [StateAPIAlternative(call: "IoGetDriverDirectory(DriverDirectoryImage)",
                                                     when: "from Windows 10 version 1803: a handle to the folder itself", before: nil)]),
        ], .wdm, "ntoskrnl.exe", windows81, "Windows 8.1")
        + apis([
            entry("IoOpenDriverRegistryKey",
                  "Opens a registry key that belongs to the driver: its INF-populated Parameters key, or its private or shared persistent state.",
                  arguments: [value("DRIVER_REGKEY_TYPE", "DriverRegKeyParameters", 0),
                              value("DRIVER_REGKEY_TYPE", "DriverRegKeyPersistentState", 1),
                              value("DRIVER_REGKEY_TYPE", "DriverRegKeySharedPersistentState", 2, since: shared)],
                  alternatives: [olderDriverKey, deviceKey, withFallback]),
            entry("IoGetDeviceDirectory", "Opens a handle to a folder where the driver keeps files for one device.",
                  arguments: [value("DEVICE_DIRECTORY_TYPE", "DeviceDirectoryData", 0)],
                  alternatives: [StateAPIAlternative(call: "IoSetDevicePropertyData",
                                                     when: "for small device state, on every version since Windows Vista", before: build17134)]),
            entry("IoGetDriverDirectory",
                  "Opens a handle to a folder of the driver: the folder it was loaded from, its private data folder or its shared data folder.",
                  arguments: [value("DRIVER_DIRECTORY_TYPE", "DriverDirectoryImage", 0),
                              value("DRIVER_DIRECTORY_TYPE", "DriverDirectoryData", 1),
                              value("DRIVER_DIRECTORY_TYPE", "DriverDirectorySharedData", 2, since: shared)],
                  alternatives: [fullDriverPath]),
        ], .wdm, "ntoskrnl.exe", build17134, "Windows 10 version 1803")
        + apis([
            entry("RtlQueryRegistryValueWithFallback",
                  "Reads a value from a primary key (an override in persistent state) and falls back to a second key (the default in Parameters).",
                  alternatives: [StateAPIAlternative(call: "ZwQueryValueKey on each key in turn",
                                                     when: "before Windows 10 version 1809", before: build17763)]),
        ], .wdm, "ntoskrnl.exe", build17763, "Windows 10 version 1809")

    /// KMDF methods, in Wdf01000.sys.
    public static let kmdf: [StateAPI] =
        apis([
            entry("WdfDeviceOpenRegistryKey", "Opens a device's hardware key or its software (driver) key.", arguments: plugPlayKeys),
            entry("WdfFdoInitOpenRegistryKey", "Opens a device's hardware or software key before the device object exists (in EvtDriverDeviceAdd).",
                  arguments: plugPlayKeys),
            entry("WdfDriverOpenParametersRegistryKey", "Opens the driver's INF-populated Parameters key (read-only at run time).",
                  alternatives: [withFallback]),
            entry("WdfDeviceQueryProperty", "Reads a legacy device registry property (DEVICE_REGISTRY_PROPERTY)."),
            entry("WdfDeviceAllocAndQueryProperty", "Reads a legacy device registry property into a framework memory object."),
            entry("WdfFdoInitQueryProperty", "Reads a legacy device registry property before the device object exists."),
            entry("WdfFdoInitAllocAndQueryProperty", "Reads a legacy device registry property into framework memory before the device object exists."),
        ], .kmdf, "Wdf01000.sys", windows2000, "Windows 2000", framework: "KMDF 1.0")
        + apis([
            entry("WdfDeviceQueryPropertyEx", "Reads a device property (DEVPKEY)."),
            entry("WdfDeviceAllocAndQueryPropertyEx", "Reads a device property (DEVPKEY) into a framework memory object."),
            entry("WdfDeviceAssignProperty", "Writes a device property (DEVPKEY), the preferred home of small structured device state."),
            entry("WdfFdoInitQueryPropertyEx", "Reads a device property (DEVPKEY) before the device object exists."),
            entry("WdfFdoInitAllocAndQueryPropertyEx", "Reads a device property (DEVPKEY) into framework memory before the device object exists."),
        ], .kmdf, "Wdf01000.sys", windows81, "Windows 8.1", framework: "KMDF 1.13")
        + apis([
            entry("WdfDriverOpenPersistentStateRegistryKey", "Opens the driver's private persistent-state registry key, which it may write.",
                  alternatives: [wdfDeviceKey, withFallback]),
        ], .kmdf, "Wdf01000.sys", build17134, "Windows 10 version 1803", framework: "KMDF 1.25")

    /// UMDF 2 methods, in WUDFx02000.dll.
    public static let umdf: [StateAPI] =
        apis([
            entry("WdfDeviceOpenRegistryKey",
                  "Opens a device's hardware key or its software (driver) key; read-only unless a WDF_REGKEY_*_SUBKEY flag opens the driver's own subkey.",
                  arguments: wdfKeys),
            entry("WdfFdoInitOpenRegistryKey", "Opens a device's hardware or software key before the device object exists.", arguments: wdfKeys),
            entry("WdfDriverOpenParametersRegistryKey", "Opens the driver's INF-populated Parameters key (read-only at run time)."),
            entry("WdfDeviceQueryProperty", "Reads a legacy device registry property (DEVICE_REGISTRY_PROPERTY)."),
            entry("WdfDeviceAllocAndQueryProperty", "Reads a legacy device registry property into a framework memory object."),
            entry("WdfDeviceQueryPropertyEx", "Reads a device property (DEVPKEY)."),
            entry("WdfDeviceAllocAndQueryPropertyEx", "Reads a device property (DEVPKEY) into a framework memory object."),
            entry("WdfDeviceAssignProperty", "Writes a device property (DEVPKEY), the preferred home of small structured device state."),
            entry("WdfFdoInitQueryProperty", "Reads a legacy device registry property before the device object exists."),
            entry("WdfFdoInitAllocAndQueryProperty", "Reads a legacy device registry property into framework memory before the device object exists."),
            entry("WdfFdoInitQueryPropertyEx", "Reads a device property (DEVPKEY) before the device object exists."),
            entry("WdfFdoInitAllocAndQueryPropertyEx", "Reads a device property (DEVPKEY) into framework memory before the device object exists."),
            entry("WdfDeviceQueryInterfaceProperty", "Reads a property of a device interface instance."),
            entry("WdfDeviceAllocAndQueryInterfaceProperty", "Reads a property of a device interface instance into a framework memory object."),
            entry("WdfDeviceAssignInterfaceProperty", "Writes a property of a device interface instance."),
        ], .umdf, "WUDFx02000.dll", windows81, "Windows 8.1", framework: "UMDF 2.0")
        + apis([
            entry("WdfDeviceRetrieveDeviceDirectoryString", "Returns the path of a folder where the driver keeps files for one device.",
                  alternatives: [StateAPIAlternative(call: "WdfDeviceAssignProperty",
                                                     when: "for small device state, on every UMDF 2 version", before: build17134)]),
            entry("WdfDriverOpenPersistentStateRegistryKey", "Opens the driver's private persistent-state registry key, which it may write.",
                  alternatives: [StateAPIAlternative(call: "WdfDeviceOpenRegistryKey(PLUGPLAY_REGKEY_DRIVER | WDF_REGKEY_DRIVER_SUBKEY)",
                                                     when: "before Windows 10 version 1803, for writable state that belongs to a device",
                                                     before: build17134)]),
        ], .umdf, "WUDFx02000.dll", build17134, "Windows 10 version 1803", framework: "UMDF 2.25")
        + apis([
            entry("WdfDriverRetrieveDriverDataDirectoryString", "Returns the path of the driver's private data folder."),
        ], .umdf, "WUDFx02000.dll", build17763, "Windows 10 version 1809", framework: "UMDF 2.27")

    static let serviceKeyBefore2004 = StateAPIAlternative(
        call: "a device's software key (CM_Open_DevNode_Key with CM_REGISTRY_SOFTWARE)",
        when: "before Windows 10 version 2004, for state that belongs to a device", before: build19041)
    static let devNodeKeys = [value("ulFlags", "CM_REGISTRY_HARDWARE", 0), value("ulFlags", "CM_REGISTRY_SOFTWARE", 1)]

    /// User-mode functions of the configuration manager and the service control manager.
    public static let userMode: [StateAPI] =
        apis([
            entry("CM_Open_DevNode_Key", "Opens a device's hardware key or its software (driver) key.", arguments: devNodeKeys),
            entry("CM_Open_DevNode_Key_Ex", "Opens a device's hardware or software key (the machine-handle variant).", arguments: devNodeKeys),
        ], .userMode, "cfgmgr32.dll", windows2000, "Windows 2000")
        + apis([
            entry("CM_Open_Device_Interface_KeyA", "Opens the registry key of a device interface instance."),
            entry("CM_Open_Device_Interface_KeyW", "Opens the registry key of a device interface instance."),
            entry("CM_Open_Device_Interface_Key_ExA", "Opens the registry key of a device interface instance (the machine-handle variant)."),
            entry("CM_Open_Device_Interface_Key_ExW", "Opens the registry key of a device interface instance (the machine-handle variant)."),
            entry("CM_Get_DevNode_PropertyW", "Reads a device property (DEVPKEY)."),
            entry("CM_Get_DevNode_Property_ExW", "Reads a device property (DEVPKEY) (the machine-handle variant)."),
            entry("CM_Set_DevNode_PropertyW", "Writes a device property (DEVPKEY)."),
            entry("CM_Set_DevNode_Property_ExW", "Writes a device property (DEVPKEY) (the machine-handle variant)."),
            entry("CM_Get_Device_Interface_PropertyW", "Reads a property of a device interface instance."),
            entry("CM_Get_Device_Interface_Property_ExW", "Reads a property of a device interface instance (the machine-handle variant)."),
            entry("CM_Set_Device_Interface_PropertyW", "Writes a property of a device interface instance."),
            entry("CM_Set_Device_Interface_Property_ExW", "Writes a property of a device interface instance (the machine-handle variant)."),
        ], .userMode, "cfgmgr32.dll", vista, "Windows Vista")
        + apis([
            entry("GetServiceRegistryStateKey",
                  "Opens a registry key of a Win32 service: its INF-populated Parameters (read-only) or its private persistent state.",
                  arguments: [value("SERVICE_REGISTRY_STATE_TYPE", "ServiceRegistryStateParameters", 0),
                              value("SERVICE_REGISTRY_STATE_TYPE", "ServiceRegistryStatePersistent", 1)],
                  alternatives: [serviceKeyBefore2004]),
            entry("GetServiceDirectory", "Returns the path of a Win32 service's private data folder.",
                  arguments: [value("SERVICE_DIRECTORY_TYPE", "ServiceDirectoryPersistentState", 0)],
                  alternatives: [StateAPIAlternative(call: "%ProgramData%\\<Company>\\<Product>",
                                                     when: "before Windows 10 version 2004 (never the root of %ProgramData%)", before: build19041)]),
        ], .userMode, "advapi32.dll", build19041, "Windows 10 version 2004")
        // The function pages say Windows 11 (build 22000); an enum page says build 19042. The later one is kept.
        + apis([
            entry("GetSharedServiceRegistryStateKey", "Opens a registry key that a Win32 service shares with the other components of its package.",
                  arguments: [value("SERVICE_SHARED_REGISTRY_STATE_TYPE", "ServiceSharedRegistryPersistentState", 0)]),
            entry("GetSharedServiceDirectory", "Returns the path of a folder that a Win32 service shares with the other components of its package.",
                  arguments: [value("SERVICE_SHARED_DIRECTORY_TYPE", "ServiceSharedDirectoryPersistentState", 0)]),
        ], .userMode, "advapi32.dll", build22000, "Windows 11")

    /// The API named `name` that a binary running in kernel mode (or user mode) would call.
    public static func api(named name: String, kernelMode: Bool) -> StateAPI? {
        byName[name]?.first { $0.family.isKernelMode == kernelMode }
    }

    /// The API named `name` (exactly) in `family`.
    public static func api(named name: String, family: StateAPIFamily) -> StateAPI? {
        byName[name]?.first { $0.family == family }
    }

    /// Every API named `name`, in any letter case (a framework method is listed once per framework).
    public static func apis(named name: String) -> [StateAPI] {
        byLowercasedName[name.lowercased()] ?? []
    }

    private static let byName: [String: [StateAPI]] = Dictionary(grouping: all, by: \.name)
    private static let byLowercasedName: [String: [StateAPI]] = Dictionary(grouping: all) { $0.name.lowercased() }

    /// One API of a group, before the group's family and version are known.
    struct Entry {
        let name: String
        let purpose: String
        let arguments: [PendingArgument]
        let alternatives: [StateAPIAlternative]
    }

    /// An argument value whose version is the API's unless it names a later one.
    struct PendingArgument {
        let type: String
        let name: String
        let value: Int?
        let since: (WindowsVersion, String)?
    }

    static func entry(_ name: String, _ purpose: String, arguments: [PendingArgument] = [],
                      alternatives: [StateAPIAlternative] = []) -> Entry {
        Entry(name: name, purpose: purpose, arguments: arguments, alternatives: alternatives)
    }

    static func value(_ type: String, _ name: String, _ value: Int?, since: (WindowsVersion, String)? = nil) -> PendingArgument {
        PendingArgument(type: type, name: name, value: value, since: since)
    }

    private static func apis(_ entries: [Entry], _ family: StateAPIFamily, _ module: String, _ version: WindowsVersion,
                             _ release: String, framework: String? = nil) -> [StateAPI] {
        entries.map { entry in
            let arguments = entry.arguments.map {
                StateAPIArgument(type: $0.type, name: $0.name, value: $0.value, minimumVersion: $0.since?.0 ?? version,
                                 release: $0.since?.1 ?? release)
            }
            return StateAPI(name: entry.name, module: module, family: family, minimumVersion: version, release: release,
                            frameworkVersion: framework, purpose: entry.purpose, arguments: arguments,
                            alternatives: entry.alternatives)
        }
    }
}
