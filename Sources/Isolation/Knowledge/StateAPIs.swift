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
    public let family: StateAPIFamily
    /// The first Windows version that has it.
    public let minimumVersion: WindowsVersion
    /// That version as people name it (`Windows 10 version 1803`).
    public let release: String
    /// The framework version that introduced a framework method (`KMDF 1.25`).
    public let frameworkVersion: String?

    /// The TargetOSVersion decoration that keeps a Models section to versions that have the API, on `architecture`.
    public func decoration(for architecture: Architecture) -> String {
        let version = minimumVersion
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

/// The state-management APIs of the driver package isolation guidance, per family and Windows version
/// (the quick-reference tables of "Driver package isolation", checked against the DDI pages and the
/// framework version histories).
public enum StateAPIs {
    static let windows2000 = WindowsVersion(major: 5, minor: 0)
    static let vista = WindowsVersion(major: 6, minor: 0)
    static let windows8 = WindowsVersion(major: 6, minor: 2)
    static let windows81 = WindowsVersion(major: 6, minor: 3)
    static let build17134 = WindowsVersion(major: 10, minor: 0, build: 17134)
    static let build17763 = WindowsVersion(major: 10, minor: 0, build: 17763)
    static let build19041 = WindowsVersion(major: 10, minor: 0, build: 19041)
    static let build22000 = WindowsVersion(major: 10, minor: 0, build: 22000)

    /// Every API of the tables.
    public static let all: [StateAPI] = wdm + kmdf + umdf + userMode

    /// WDM routines, exported by ntoskrnl.exe.
    public static let wdm: [StateAPI] =
        apis(["IoOpenDeviceRegistryKey", "IoOpenDeviceInterfaceRegistryKey"], .wdm, "ntoskrnl.exe", windows2000, "Windows 2000")
        + apis(["IoGetDevicePropertyData", "IoSetDevicePropertyData"], .wdm, "ntoskrnl.exe", vista, "Windows Vista")
        + apis(["IoGetDeviceInterfacePropertyData", "IoSetDeviceInterfacePropertyData"], .wdm, "ntoskrnl.exe", windows8, "Windows 8")
        + apis(["IoQueryFullDriverPath"], .wdm, "ntoskrnl.exe", windows81, "Windows 8.1")
        + apis(["IoOpenDriverRegistryKey", "IoGetDeviceDirectory", "IoGetDriverDirectory"], .wdm, "ntoskrnl.exe",
               build17134, "Windows 10 version 1803")
        + apis(["RtlQueryRegistryValueWithFallback"], .wdm, "ntoskrnl.exe", build17763, "Windows 10 version 1809")

    /// KMDF methods, in Wdf01000.sys.
    public static let kmdf: [StateAPI] =
        apis(["WdfDeviceOpenRegistryKey", "WdfFdoInitOpenRegistryKey", "WdfDriverOpenParametersRegistryKey",
              "WdfDeviceQueryProperty", "WdfDeviceAllocAndQueryProperty", "WdfFdoInitQueryProperty",
              "WdfFdoInitAllocAndQueryProperty"], .kmdf, "Wdf01000.sys", windows2000, "Windows 2000", framework: "KMDF 1.0")
        + apis(["WdfDeviceQueryPropertyEx", "WdfDeviceAllocAndQueryPropertyEx", "WdfDeviceAssignProperty",
                "WdfFdoInitQueryPropertyEx", "WdfFdoInitAllocAndQueryPropertyEx"], .kmdf, "Wdf01000.sys", windows81,
               "Windows 8.1", framework: "KMDF 1.13")
        + apis(["WdfDriverOpenPersistentStateRegistryKey"], .kmdf, "Wdf01000.sys", build17134, "Windows 10 version 1803",
               framework: "KMDF 1.25")

    /// UMDF 2 methods, in WUDFx02000.dll.
    public static let umdf: [StateAPI] =
        apis(["WdfDeviceOpenRegistryKey", "WdfFdoInitOpenRegistryKey", "WdfDriverOpenParametersRegistryKey",
              "WdfDeviceQueryProperty", "WdfDeviceAllocAndQueryProperty", "WdfDeviceQueryPropertyEx",
              "WdfDeviceAllocAndQueryPropertyEx", "WdfDeviceAssignProperty", "WdfFdoInitQueryProperty",
              "WdfFdoInitAllocAndQueryProperty", "WdfFdoInitQueryPropertyEx", "WdfFdoInitAllocAndQueryPropertyEx",
              "WdfDeviceQueryInterfaceProperty", "WdfDeviceAllocAndQueryInterfaceProperty",
              "WdfDeviceAssignInterfaceProperty"], .umdf, "WUDFx02000.dll", windows81, "Windows 8.1", framework: "UMDF 2.0")
        + apis(["WdfDeviceRetrieveDeviceDirectoryString", "WdfDriverOpenPersistentStateRegistryKey"], .umdf,
               "WUDFx02000.dll", build17134, "Windows 10 version 1803", framework: "UMDF 2.25")
        + apis(["WdfDriverRetrieveDriverDataDirectoryString"], .umdf, "WUDFx02000.dll", build17763,
               "Windows 10 version 1809", framework: "UMDF 2.27")

    /// User-mode functions of the configuration manager and the service control manager.
    public static let userMode: [StateAPI] =
        apis(["CM_Open_DevNode_Key", "CM_Open_DevNode_Key_Ex"], .userMode, "cfgmgr32.dll", windows2000, "Windows 2000")
        + apis(["CM_Open_Device_Interface_KeyA", "CM_Open_Device_Interface_KeyW", "CM_Open_Device_Interface_Key_ExA",
                "CM_Open_Device_Interface_Key_ExW", "CM_Get_DevNode_PropertyW", "CM_Get_DevNode_Property_ExW",
                "CM_Set_DevNode_PropertyW", "CM_Set_DevNode_Property_ExW", "CM_Get_Device_Interface_PropertyW",
                "CM_Get_Device_Interface_Property_ExW", "CM_Set_Device_Interface_PropertyW",
                "CM_Set_Device_Interface_Property_ExW"], .userMode, "cfgmgr32.dll", vista, "Windows Vista")
        + apis(["GetServiceRegistryStateKey", "GetServiceDirectory"], .userMode, "advapi32.dll", build19041,
               "Windows 10 version 2004")
        // The function pages say Windows 11 (build 22000); an enum page says build 19042. The later one is kept.
        + apis(["GetSharedServiceRegistryStateKey", "GetSharedServiceDirectory"], .userMode, "advapi32.dll", build22000,
               "Windows 11")

    /// The API named `name` that a binary running in kernel mode (or user mode) would call.
    public static func api(named name: String, kernelMode: Bool) -> StateAPI? {
        byName[name]?.first { $0.family.isKernelMode == kernelMode }
    }

    private static let byName: [String: [StateAPI]] = Dictionary(grouping: all, by: \.name)

    private static func apis(_ names: [String], _ family: StateAPIFamily, _ module: String, _ version: WindowsVersion,
                             _ release: String, framework: String? = nil) -> [StateAPI] {
        names.map { StateAPI(name: $0, module: module, family: family, minimumVersion: version, release: release,
                             frameworkVersion: framework) }
    }
}
