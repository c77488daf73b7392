/// A line key the model and the rules look lines up by, with the number it has in every file: the
/// numbering of each file starts from these names, so finding `AddService` in a section compares
/// integers without hashing the name again.
public struct KeyName: Sendable, CustomStringConvertible {
    /// The key as documented.
    public let text: String
    /// Its number in every file's ``KeyNames``.
    public let id: Int32

    /// The key `text`: numbered alike in every file when it is one of the known names, else looked
    /// up by its text in each file. Meant for constants and static tables, which are made once.
    public init(_ text: String) {
        self.text = text
        self.id = Self.numbering.id(of: text) ?? KeyNames.unknown
    }

    public var description: String { text }

    /// The numbering every file's keys start from.
    static let numbering: NameInterner = {
        var names = NameInterner()
        for name in known { _ = names.intern(name) }
        return names
    }()

    /// The names numbered in advance: every directive of ``DirectiveTable`` and the keys that rules
    /// and the model look up.
    static let known: [String] = DirectiveTable.directives.map(\.name) + [
        "AddComClass", "AddDevice", "CompatibleIds", "ComponentIDs", "DriverCLSID", "FeatureScore", "HardwareIds",
        "ThreadingModel", "UmdfDispatcher", "UmdfLibraryVersion", "ServiceType", "StartType", "ErrorControl",
        "ServiceBinary", "FilterLevel", "FilterPosition",
    ]

    public static let copyFiles = KeyName("CopyFiles")
    public static let delFiles = KeyName("DelFiles")
    public static let renFiles = KeyName("RenFiles")
    public static let addReg = KeyName("AddReg")
    public static let delReg = KeyName("DelReg")
    public static let bitReg = KeyName("BitReg")
    public static let addService = KeyName("AddService")
    public static let delService = KeyName("DelService")
    public static let addInterface = KeyName("AddInterface")
    public static let umdfService = KeyName("UmdfService")
    public static let umdfServiceOrder = KeyName("UmdfServiceOrder")
    public static let wmiInterface = KeyName("WMIInterface")
    public static let include = KeyName("Include")
    public static let needs = KeyName("Needs")
    public static let copyINF = KeyName("CopyINF")
    public static let addComClass = KeyName("AddComClass")
    public static let addDevice = KeyName("AddDevice")
    public static let compatibleIds = KeyName("CompatibleIds")
    public static let componentIDs = KeyName("ComponentIDs")
    public static let driverCLSID = KeyName("DriverCLSID")
    public static let featureScore = KeyName("FeatureScore")
    public static let hardwareIds = KeyName("HardwareIds")
    public static let threadingModel = KeyName("ThreadingModel")
    public static let umdfDispatcher = KeyName("UmdfDispatcher")
    public static let umdfLibraryVersion = KeyName("UmdfLibraryVersion")
    public static let serviceType = KeyName("ServiceType")
    public static let startType = KeyName("StartType")
    public static let errorControl = KeyName("ErrorControl")
    public static let serviceBinary = KeyName("ServiceBinary")
    public static let filterLevel = KeyName("FilterLevel")
    public static let filterPosition = KeyName("FilterPosition")

    /// Every constant above, for the test that each has its number.
    public static let constants: [KeyName] = [
        copyFiles, delFiles, renFiles, addReg, delReg, bitReg, addService, delService, addInterface, umdfService,
        umdfServiceOrder, wmiInterface, include, needs, copyINF, addComClass, addDevice, compatibleIds, componentIDs,
        driverCLSID, featureScore, hardwareIds, threadingModel, umdfDispatcher, umdfLibraryVersion, serviceType,
        startType, errorControl, serviceBinary, filterLevel, filterPosition,
    ]

    /// The key of a registry operation's directive (`AddReg`, `DelReg`, `BitReg`).
    public static func of(_ operation: RegistryOperation) -> KeyName {
        switch operation {
        case .addReg: return addReg
        case .delReg: return delReg
        case .bitReg: return bitReg
        }
    }
}
