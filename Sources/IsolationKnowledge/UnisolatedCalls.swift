/// A call that keeps state, or names a device, outside what driver package isolation allows when it
/// is given a global path or name, with what to call instead.
public struct UnisolatedCall: Sendable {
    /// The name users look up.
    public let name: String
    /// Other names of the same call (A/W forms, Nt/Zw twins, the calls that open the same way).
    public let aliases: [String]
    /// The families whose code calls it.
    public let families: [StateAPIFamily]
    /// When the call is not isolated.
    public let breaksWhen: String
    /// Why that breaks isolation.
    public let why: String
    /// The same call used in an isolated way, if it has one.
    public let fine: String?
    /// The kinds of state an isolated call keeps instead, most common first.
    public let kinds: [StateKind]
    /// Replacements that are not a kind of state (device interfaces for fixed device names).
    public let replacements: [String]

    /// Whether the call is `text` or one of its aliases, ignoring case.
    public func isNamed(_ text: String) -> Bool {
        let folded = text.lowercased()
        return name.lowercased() == folded || aliases.contains { $0.lowercased() == folded }
    }
}

/// The calls `isolint api` answers with their isolated replacements.
public enum UnisolatedCalls {
    /// The call named `text` (or one of its aliases), ignoring case.
    public static func call(named text: String) -> UnisolatedCall? {
        all.first { $0.isNamed(text) }
    }

    static let registryKinds: [StateKind] = [
        .deviceHardwareRegistry, .deviceSoftwareRegistry, .deviceInterfaceRegistry,
        .serviceParametersRegistry, .internalServiceRegistry, .sharedServiceRegistry,
    ]

    static let globalKey = "The key is global: it belongs to no device, interface or service of the package, so Windows "
        + "neither scopes nor removes it with them, and an isolated driver or service may not be allowed to open it."

    /// Every call, registry first, then files, then device names.
    public static let all: [UnisolatedCall] = [
        UnisolatedCall(
            name: "ZwOpenKey",
            aliases: ["ZwOpenKeyEx", "ZwOpenKeyTransacted", "ZwOpenKeyTransactedEx", "ZwCreateKey", "ZwCreateKeyTransacted",
                      "NtOpenKey", "NtOpenKeyEx", "NtCreateKey"],
            families: [.wdm, .kmdf],
            breaksWhen: #"with an absolute path (\Registry\Machine\…) in its OBJECT_ATTRIBUTES"#,
            why: globalKey,
            fine: "Opening a subkey relative to a handle (OBJECT_ATTRIBUTES.RootDirectory) that a call below returned.",
            kinds: registryKinds, replacements: []),
        UnisolatedCall(
            name: "RtlWriteRegistryValue",
            aliases: ["RtlQueryRegistryValues", "RtlQueryRegistryValuesEx", "RtlDeleteRegistryValue", "RtlCheckRegistryKey",
                      "RtlCreateRegistryKey"],
            families: [.wdm, .kmdf],
            breaksWhen: "with RelativeTo RTL_REGISTRY_ABSOLUTE, RTL_REGISTRY_SERVICES, RTL_REGISTRY_CONTROL, "
                + "RTL_REGISTRY_WINDOWS_NT, RTL_REGISTRY_DEVICEMAP or RTL_REGISTRY_USER",
            why: globalKey,
            fine: "RelativeTo RTL_REGISTRY_HANDLE with a handle that a call below returned.",
            kinds: registryKinds, replacements: []),
        UnisolatedCall(
            name: "RegOpenKeyEx",
            aliases: ["RegOpenKeyExA", "RegOpenKeyExW", "RegCreateKeyEx", "RegCreateKeyExA", "RegCreateKeyExW", "RegOpenKey",
                      "RegOpenKeyA", "RegOpenKeyW", "RegCreateKey", "RegCreateKeyA", "RegCreateKeyW", "RegSetKeyValue",
                      "RegSetKeyValueA", "RegSetKeyValueW", "RegGetValue", "RegGetValueA", "RegGetValueW", "RegDeleteKey",
                      "RegDeleteKeyEx", "RegDeleteTree"],
            families: [.umdf, .userMode],
            breaksWhen: #"on a path under HKEY_LOCAL_MACHINE (SYSTEM\CurrentControlSet\Services\<service>, SOFTWARE\<vendor>) or HKEY_CLASSES_ROOT"#,
            why: globalKey,
            fine: "Opening a subkey, or reading and writing values, relative to a handle that a call below returned.",
            kinds: registryKinds, replacements: []),
        UnisolatedCall(
            name: "ZwCreateFile",
            aliases: ["ZwOpenFile", "NtCreateFile", "NtOpenFile", "IoCreateFile", "IoCreateFileEx",
                      "IoCreateFileSpecifyDeviceObjectHint", "ZwDeleteFile", "ZwQueryAttributesFile"],
            families: [.wdm, .kmdf],
            breaksWhen: #"on a fixed path (\SystemRoot\…, \??\C:\…, \DosDevices\C:\…)"#,
            why: "A file outside the driver store and the OS-supplied data folders is global: nothing removes it with the "
                + "package, the system folders are read-only or absent under isolation, and a fixed drive or folder may not exist.",
            fine: "A path built on a folder that a call below returned; the driver's own read-only files beside its image in the driver store.",
            kinds: [.deviceDataDirectory, .driverDataDirectory, .sharedDataDirectory, .driverImageDirectory], replacements: []),
        UnisolatedCall(
            name: "CreateFile",
            aliases: ["CreateFileA", "CreateFileW", "CreateFile2", "DeleteFile", "DeleteFileA", "DeleteFileW", "CopyFile",
                      "CopyFileA", "CopyFileW", "MoveFile", "MoveFileEx", "CreateDirectory", "CreateDirectoryA", "CreateDirectoryW"],
            families: [.umdf, .userMode],
            breaksWhen: #"on a fixed path (C:\Windows\…, %SystemRoot%\System32\…, C:\ProgramData\<vendor>\…) or a fixed device name (\\.\Name)"#,
            why: "A file outside the driver store and the OS-supplied data folders is global: nothing removes it with the "
                + "package, the system folders are read-only or absent under isolation, and a fixed device name is one "
                + "device for the whole system.",
            fine: "A path built on a folder that a call below returned; a device interface path that CM_Get_Device_Interface_List returned.",
            kinds: [.deviceDataDirectory, .driverDataDirectory, .sharedDataDirectory, .driverImageDirectory, .driverData, .temporaryFiles],
            replacements: ["To open a device: the path of its device interface (CM_Get_Device_Interface_List for the interface "
                + "class GUID; CM_Register_Notification for arrival and removal), not a fixed \\\\.\\ name."]),
        UnisolatedCall(
            name: "IoCreateSymbolicLink",
            aliases: ["IoCreateUnprotectedSymbolicLink", "WdfDeviceCreateSymbolicLink"],
            families: [.wdm, .kmdf, .umdf],
            breaksWhen: #"in any use: it publishes one fixed global name (\DosDevices\Name) for the device"#,
            why: "A fixed name is one name for every device and package on the system; device interfaces are per device, "
                + "carry a class GUID and tell applications when the device arrives and leaves.",
            fine: nil,
            kinds: [],
            replacements: [
                "WDM: IoRegisterDeviceInterface (in AddDevice), then IoSetDeviceInterfaceState(TRUE) when the device starts",
                "KMDF and UMDF: WdfDeviceCreateDeviceInterface with the interface class GUID (WdfDeviceSetDeviceInterfaceState to turn it off and on)",
                "Applications and services: CM_Get_Device_Interface_List for the interface class GUID, then CreateFile on the path it returns; CM_Register_Notification for arrival and removal",
            ]),
    ]
}
