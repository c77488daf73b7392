import Findings
import IsolationEngine
import IsolationKnowledge

/// A package binary names a device by a fixed path instead of a device interface.
public struct BinaryHardcodedDevicePath: BinaryRule {
    public static let description = RuleDescription(
        name: "binary-hardcoded-device-path", codes: [],
        title: "A binary names a device by a fixed path",
        why: "Driver package isolation asks components to reach device stacks through device interfaces, not hard-coded names: a fixed \\DosDevices, \\??, \\\\.\\ or \\Device name assumes one device, one load order and one global namespace, and a symbolic link made with IoCreateSymbolicLink bypasses the interface's security and arrival notifications.",
        fix: "In the driver, register a device interface (IoRegisterDeviceInterface and IoSetDeviceInterfaceState, or WdfDeviceCreateDeviceInterface) instead of a named device and symbolic link; in user mode, find it with CM_Get_Device_Interface_List and CM_Register_Notification and open the path they return.",
        levels: levels("W W W W"), fixable: false, group: .isolationGuidance)

    public static let binaryExamples = [
        BinaryExample(
            inf: ExampleINF.installing(["isodrv.sys"]), fixture: "isodrv-x64.sys", path: "isodrv.sys",
            reports: [.init("\\DosDevices\\IsoDrv", .warning), .init("\\Device\\IsoDrv", .warning)]),
        BinaryExample(
            inf: ExampleINF.installing(["isoopen.dll"]), fixture: "isoopen-x64.dll", path: "isoopen.dll",
            reports: [.init("\\\\.\\IsoDrv", .warning)]),
        BinaryExample(
            inf: ExampleINF.installing(["isoenum.dll"]), fixture: "isoenum-x64.dll", path: "isoenum.dll",
            reports: [.init("\\\\.\\IsoDrv", .warning)]),
        BinaryExample(inf: ExampleINF.installing(["isoclean.sys"]), fixture: "isoclean-x64.sys", path: "isoclean.sys"),
        BinaryExample(inf: ExampleINF.installing(["isodll.dll"]), fixture: "isodll-x64.dll", path: "isodll.dll"),
    ]

    /// User-mode functions that open a path.
    static let openers = ["CreateFileW", "CreateFileA", "CreateFile2"]
    /// User-mode functions that find devices through their interfaces.
    static let interfaceLookups = [
        "CM_Get_Device_Interface_ListW", "CM_Get_Device_Interface_ListA", "CM_Get_Device_Interface_List_ExW",
        "CM_Get_Device_Interface_List_ExA", "SetupDiGetClassDevsW", "SetupDiGetClassDevsA", "SetupDiGetClassDevsExW",
        "SetupDiGetClassDevsExA",
    ]

    public init() {}

    public func check(_ binary: BinaryTarget) -> [Violation] {
        let image = binary.image
        let named = image.strings.compactMap { string in PathPatterns.deviceName(in: string.value).map { (string, $0) } }
        guard !named.isEmpty else { return [] }
        let certain: String?
        if image.isKernelDriver {
            certain = image.importedFunction("IoCreateSymbolicLink") != nil && image.importedFunction("IoRegisterDeviceInterface") == nil
                ? "the driver imports IoCreateSymbolicLink and registers no device interface" : nil
        } else {
            certain = image.firstImport(of: Self.openers).flatMap { opener in
                image.importsAny(of: Self.interfaceLookups) ? nil : "it imports \(opener.function) and never looks up device interfaces"
            }
        }
        return named.map { string, name in
            let reason = certain.map { "; \($0)" } ?? ""
            return binary.violation(
                at: string, saying: "names the device '\(name)' by a fixed path\(reason); reach it through a device interface",
                maximumLevel: certain == nil ? .warning : nil)
        }
    }
}
