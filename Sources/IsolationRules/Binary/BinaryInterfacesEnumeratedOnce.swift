import Findings
import IsolationEngine

/// A package binary lists device interfaces but never asks to hear of new ones.
public struct BinaryInterfacesEnumeratedOnce: BinaryRule {
    public static let description = RuleDescription(
        name: "binary-interfaces-enumerated-once", codes: [],
        title: "A binary enumerates device interfaces without registering for arrivals",
        why: "Devices and their interfaces come and go (and a driver or service may start before its device does); a list taken once misses every interface that arrives later, so the isolation guidance pairs enumeration with a notification.",
        fix: "Register for interface arrival and removal with IoRegisterPlugPlayNotification (EventCategoryDeviceInterfaceChange, PNPNOTIFY_DEVICE_INTERFACE_INCLUDE_EXISTING_INTERFACES) in a driver, or CM_Register_Notification (CM_NOTIFY_FILTER_TYPE_DEVICEINTERFACE) in user mode, and open interfaces as they arrive.",
        levels: levels("W W W W"), fixable: false, group: .binaries)

    public static let binaryExamples = [
        BinaryExample(
            inf: ExampleINF.installing(["isoenum.dll"]), fixture: "isoenum-x64.dll", path: "isoenum.dll",
            reports: [.init("CM_Get_Device_Interface_ListW", .warning)]),
        BinaryExample(inf: ExampleINF.installing(["isodll.dll"]), fixture: "isodll-x64.dll", path: "isodll.dll"),
        BinaryExample(inf: ExampleINF.installing(["isoclean.sys"]), fixture: "isoclean-x64.sys", path: "isoclean.sys"),
    ]

    /// Functions that list the interfaces present now.
    static let enumerators = [
        "IoGetDeviceInterfaces", "CM_Get_Device_Interface_ListW", "CM_Get_Device_Interface_ListA",
        "CM_Get_Device_Interface_List_ExW", "CM_Get_Device_Interface_List_ExA",
    ]

    /// Functions that report interfaces as they arrive.
    static let notifications = [
        "IoRegisterPlugPlayNotification", "CM_Register_Notification", "RegisterDeviceNotificationW", "RegisterDeviceNotificationA",
    ]

    public init() {}

    public func check(_ binary: BinaryTarget) -> [Violation] {
        guard let enumerator = binary.image.firstImport(of: Self.enumerators),
              !binary.image.importsAny(of: Self.notifications) else { return [] }
        let register = binary.image.isKernelDriver ? "IoRegisterPlugPlayNotification" : "CM_Register_Notification"
        return [binary.violation(
            at: enumerator.offset,
            "\(enumerator.function) lists the device interfaces present once, and nothing registers for arrivals; use \(register) to open interfaces as they come")]
    }
}
