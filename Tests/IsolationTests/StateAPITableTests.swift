import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge
import IsolationRules
import Testing

/// The state-API knowledge base holds every row of the isolation guidance's OS support tables
/// (WDM, KMDF, UMDF, user mode) with the same family, Windows version and framework version, and
/// the state-kind table points at those APIs.
struct StateAPITableTests {
    /// One row of a table: the API (with the argument value when the row names one), its family,
    /// the first Windows version and the framework version.
    struct Row: CustomStringConvertible, Sendable {
        let name: String
        let argument: String?
        let family: StateAPIFamily
        let version: String
        let framework: String?

        init(_ name: String, _ family: StateAPIFamily, _ version: String, _ framework: String? = nil, argument: String? = nil) {
            self.name = name
            self.argument = argument
            self.family = family
            self.version = version
            self.framework = framework
        }

        var description: String { name + (argument.map { "(\($0))" } ?? "") + " \(family)" }
    }

    static let wdm: [Row] = [
        Row("IoOpenDeviceRegistryKey", .wdm, "5.0"),
        Row("IoOpenDeviceInterfaceRegistryKey", .wdm, "5.0"),
        Row("IoGetDevicePropertyData", .wdm, "6.0"),
        Row("IoSetDevicePropertyData", .wdm, "6.0"),
        Row("IoGetDeviceInterfacePropertyData", .wdm, "6.2"),
        Row("IoSetDeviceInterfacePropertyData", .wdm, "6.2"),
        Row("IoQueryFullDriverPath", .wdm, "6.3"),
        Row("IoOpenDriverRegistryKey", .wdm, "10.0.17134", argument: "DriverRegKeyParameters"),
        Row("IoOpenDriverRegistryKey", .wdm, "10.0.17134", argument: "DriverRegKeyPersistentState"),
        Row("IoGetDeviceDirectory", .wdm, "10.0.17134"),
        Row("IoGetDriverDirectory", .wdm, "10.0.17134", argument: "DriverDirectoryImage"),
        Row("IoGetDriverDirectory", .wdm, "10.0.17134", argument: "DriverDirectoryData"),
        Row("RtlQueryRegistryValueWithFallback", .wdm, "10.0.17763"),
        Row("IoOpenDriverRegistryKey", .wdm, "10.0.22000", argument: "DriverRegKeySharedPersistentState"),
        Row("IoGetDriverDirectory", .wdm, "10.0.22000", argument: "DriverDirectorySharedData"),
    ]

    static let kmdf: [Row] = [
        Row("WdfDeviceOpenRegistryKey", .kmdf, "5.0", "KMDF 1.0"),
        Row("WdfFdoInitOpenRegistryKey", .kmdf, "5.0", "KMDF 1.0"),
        Row("WdfDriverOpenParametersRegistryKey", .kmdf, "5.0", "KMDF 1.0"),
        Row("WdfDeviceQueryProperty", .kmdf, "5.0", "KMDF 1.0"),
        Row("WdfDeviceAllocAndQueryProperty", .kmdf, "5.0", "KMDF 1.0"),
        Row("WdfFdoInitQueryProperty", .kmdf, "5.0", "KMDF 1.0"),
        Row("WdfFdoInitAllocAndQueryProperty", .kmdf, "5.0", "KMDF 1.0"),
        Row("WdfDeviceQueryPropertyEx", .kmdf, "6.3", "KMDF 1.13"),
        Row("WdfDeviceAllocAndQueryPropertyEx", .kmdf, "6.3", "KMDF 1.13"),
        Row("WdfDeviceAssignProperty", .kmdf, "6.3", "KMDF 1.13"),
        Row("WdfFdoInitQueryPropertyEx", .kmdf, "6.3", "KMDF 1.13"),
        Row("WdfFdoInitAllocAndQueryPropertyEx", .kmdf, "6.3", "KMDF 1.13"),
        Row("WdfDriverOpenPersistentStateRegistryKey", .kmdf, "10.0.17134", "KMDF 1.25"),
    ]

    static let umdf: [Row] = [
        "WdfDeviceOpenRegistryKey", "WdfFdoInitOpenRegistryKey", "WdfDriverOpenParametersRegistryKey",
        "WdfDeviceQueryProperty", "WdfDeviceAllocAndQueryProperty", "WdfDeviceQueryPropertyEx",
        "WdfDeviceAllocAndQueryPropertyEx", "WdfDeviceAssignProperty", "WdfFdoInitQueryProperty",
        "WdfFdoInitAllocAndQueryProperty", "WdfFdoInitQueryPropertyEx", "WdfFdoInitAllocAndQueryPropertyEx",
        "WdfDeviceQueryInterfaceProperty", "WdfDeviceAllocAndQueryInterfaceProperty", "WdfDeviceAssignInterfaceProperty",
    ].map { Row($0, .umdf, "6.3", "UMDF 2.0") } + [
        Row("WdfDeviceRetrieveDeviceDirectoryString", .umdf, "10.0.17134", "UMDF 2.25"),
        Row("WdfDriverOpenPersistentStateRegistryKey", .umdf, "10.0.17134", "UMDF 2.25"),
        Row("WdfDriverRetrieveDriverDataDirectoryString", .umdf, "10.0.17763", "UMDF 2.27"),
    ]

    static let userMode: [Row] = [
        Row("CM_Open_DevNode_Key", .userMode, "5.0"),
        Row("CM_Open_Device_Interface_KeyW", .userMode, "6.0"),
        Row("CM_Get_DevNode_PropertyW", .userMode, "6.0"),
        Row("CM_Set_DevNode_PropertyW", .userMode, "6.0"),
        Row("CM_Get_Device_Interface_PropertyW", .userMode, "6.0"),
        Row("CM_Set_Device_Interface_PropertyW", .userMode, "6.0"),
        Row("GetServiceRegistryStateKey", .userMode, "10.0.19041", argument: "ServiceRegistryStateParameters"),
        Row("GetServiceRegistryStateKey", .userMode, "10.0.19041", argument: "ServiceRegistryStatePersistent"),
        Row("GetServiceDirectory", .userMode, "10.0.19041", argument: "ServiceDirectoryPersistentState"),
        Row("GetSharedServiceRegistryStateKey", .userMode, "10.0.22000", argument: "ServiceSharedRegistryPersistentState"),
        Row("GetSharedServiceDirectory", .userMode, "10.0.22000", argument: "ServiceSharedDirectoryPersistentState"),
    ]

    @Test(arguments: wdm + kmdf + umdf + userMode)
    func rowIsInTheKnowledgeBase(row: Row) throws {
        let api = try #require(StateAPIs.api(named: row.name, family: row.family), "\(row) is missing")
        let expected = try #require(WindowsVersion(parsing: row.version))
        #expect(api.frameworkVersion == row.framework)
        if let argumentName = row.argument {
            let argument = try #require(api.argument(named: argumentName), "\(row) lacks the value")
            #expect(argument.minimumVersion == expected)
        } else {
            #expect(api.minimumVersion == expected)
        }
    }

    /// The enumeration values the guidance spells out.
    @Test func enumerationValuesMatchTheHeaders() throws {
        let values: [(String, String, Int)] = [
            ("IoOpenDriverRegistryKey", "DriverRegKeyParameters", 0),
            ("IoOpenDriverRegistryKey", "DriverRegKeyPersistentState", 1),
            ("IoOpenDriverRegistryKey", "DriverRegKeySharedPersistentState", 2),
            ("GetServiceRegistryStateKey", "ServiceRegistryStateParameters", 0),
            ("GetServiceRegistryStateKey", "ServiceRegistryStatePersistent", 1),
            ("GetServiceDirectory", "ServiceDirectoryPersistentState", 0),
            ("GetSharedServiceRegistryStateKey", "ServiceSharedRegistryPersistentState", 0),
            ("GetSharedServiceDirectory", "ServiceSharedDirectoryPersistentState", 0),
        ]
        for (name, value, number) in values {
            let api = try #require(StateAPIs.apis(named: name).first)
            #expect(api.argument(named: value)?.value == number, "\(name)(\(value))")
        }
        #expect(StateAPIs.apis(named: "iogetdevicedirectory").first?.argument(named: "DeviceDirectoryData") != nil)
    }

    /// Every family has a row for every kind of state, and the rows' calls exist in the API table.
    @Test func everyFamilyCoversEveryStateKind() {
        for family in StateAPIFamily.allCases {
            for kind in StateKind.allCases {
                #expect(StateKinds.access(kind, family: family) != nil, "\(family) \(kind)")
            }
        }
        #expect(StateKinds.all.count == StateAPIFamily.allCases.count * StateKind.allCases.count)
    }

    @Test func stateKindsNameTheRightCallsAndVersions() throws {
        let persistent = try #require(StateKinds.access(.internalServiceRegistry, family: .kmdf))
        #expect(persistent.callDescription == "WdfDriverOpenPersistentStateRegistryKey")
        #expect(persistent.frameworkVersion == "KMDF 1.25")
        #expect(persistent.minimumVersion == WindowsVersion(major: 10, minor: 0, build: 17134))

        let shared = try #require(StateKinds.access(.sharedServiceRegistry, family: .wdm))
        #expect(shared.callDescription == "IoOpenDriverRegistryKey(DriverRegKeySharedPersistentState)")
        #expect(shared.minimumVersion == WindowsVersion(major: 10, minor: 0, build: 22000))
        #expect(shared.storage.evidence == .undocumented)

        let hardware = try #require(StateKinds.access(.deviceHardwareRegistry, family: .wdm))
        #expect(hardware.argument == "PLUGPLAY_REGKEY_DEVICE")
        #expect(hardware.storage.location?.hasSuffix(#"\Device Parameters"#) == true)

        let parameters = try #require(StateKinds.access(.serviceParametersRegistry, family: .userMode))
        #expect(parameters.callDescription == "GetServiceRegistryStateKey(ServiceRegistryStateParameters)")
        #expect(parameters.minimumVersion == WindowsVersion(major: 10, minor: 0, build: 19041))

        let umdfInterface = try #require(StateKinds.access(.deviceInterfaceRegistry, family: .umdf))
        #expect(!umdfInterface.isAvailable)
        #expect(StateKinds.access(.temporaryFiles, family: .wdm)?.isAvailable == false)
    }

    /// A row's version is never older than any call it names, and each named call resolves.
    @Test func rowsAreConsistentWithTheirCalls() {
        for access in StateKinds.all where !access.calls.isEmpty {
            for api in access.calls {
                #expect(access.minimumVersion.map { $0 >= api.minimumVersion } == true, "\(access.family) \(access.kind)")
            }
            if let argument = access.argument?.split(separator: " ").first {
                #expect(access.calls.contains { $0.argument(named: String(argument)) != nil }, "\(access.family) \(access.kind)")
            }
        }
    }

    @Test func usesAndAlternativesLinkTheTables() throws {
        let open = try #require(StateAPIs.api(named: "IoOpenDriverRegistryKey", family: .wdm))
        let kinds = Set(StateKinds.uses(of: open).map(\.kind))
        #expect(kinds == [.serviceParametersRegistry, .internalServiceRegistry, .sharedServiceRegistry])
        #expect(open.alternatives.contains { $0.call.hasPrefix("RtlQueryRegistryValueWithFallback") })
        let directory = try #require(StateAPIs.api(named: "IoGetDriverDirectory", family: .wdm))
        let before1803 = WindowsVersion(major: 10, minor: 0, build: 16299)
        #expect(directory.alternatives.contains { $0.call.hasPrefix("IoQueryFullDriverPath") && $0.replaces(on: before1803) })
        #expect(StateKind(name: "Internal-Service-Registry") == .internalServiceRegistry)
        #expect(StateKind(name: "internalServiceRegistry") == .internalServiceRegistry)
    }
}
