import Findings
import IsolationEngine
import IsolationKnowledge

/// A package binary holds an absolute path to a machine-wide registry key.
public struct BinaryHardcodedRegistryPath: BinaryRule {
    public static let description = RuleDescription(
        name: "binary-hardcoded-registry-path", codes: [],
        title: "A binary names a global registry key",
        why: "An isolated driver reaches its state only through handles the system gives it (device, interface and driver keys); an absolute key path ties it to one registry layout, and Driver Verifier's isolation checks report every access through one.",
        fix: "Open the key relative to the device or driver: IoOpenDeviceRegistryKey, IoOpenDeviceInterfaceRegistryKey or IoOpenDriverRegistryKey (WdfDeviceOpenRegistryKey, WdfDriverOpenParametersRegistryKey and WdfDriverOpenPersistentStateRegistryKey in WDF; CM_Open_DevNode_Key, CM_Open_Device_Interface_Key or GetServiceRegistryStateKey in user mode), and write the values it needs from the INF with HKR lines.",
        levels: levels("W W W W"), fixable: false, group: .binaries)

    public static let binaryExamples = [
        BinaryExample(
            inf: ExampleINF.installing(["isodrv.sys"]), fixture: "isodrv-x64.sys", path: "isodrv.sys",
            reports: [.init("\\Registry\\Machine\\SYSTEM\\CurrentControlSet\\Services\\isodrv", .warning)]),
        BinaryExample(
            inf: ExampleINF.installing(["isodll.dll"], diskPath: "\\x64"), fixture: "isodll-x64.dll", path: "x64/isodll.dll",
            reports: [.init("HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\IsoDll", .warning)]),
        BinaryExample(inf: ExampleINF.installing(["isoclean.sys"]), fixture: "isoclean-x64.sys", path: "isoclean.sys"),
    ]

    public init() {}

    public func check(_ binary: BinaryTarget) -> [Violation] {
        binary.image.strings.filter { PathPatterns.isGlobalRegistryPath($0.value) }.map {
            binary.violation(at: $0, saying: "names a machine-wide registry key; open keys through the handles the system gives the driver")
        }
    }
}
