import Foundation
import TestSupport
import Testing

/// `isolint explain` on a network adapter INF: values under their keys, deletions as deletions, and
/// what comes from other INFs and from declared filters.
@Suite("explain on the command line")
struct ExplainCommandLineTests {
    static let inf = """
    [Version]
    Signature = "$Windows NT$"
    Class = Net
    ClassGuid = {4d36e972-e325-11ce-bfc1-08002be10318}
    Provider = Contoso
    DriverVer = 01/01/2024,1.0.0.0
    CatalogFile = net.cat
    PnpLockdown = 1

    [Manufacturer]
    Contoso = Models,NTamd64.10.0...19041

    [Models.NTamd64.10.0...19041]
    Contoso NIC = Install, PCI\\VEN_1234&DEV_5678

    [Install.NTamd64]
    Include = netvwifibus.inf
    Needs = VWiFiBus.CopyFiles
    AddReg = Ndi
    DelReg = Old
    BitReg = Bits
    CopyFiles = Files

    [Install.NTamd64.Services]
    Needs = VWiFiBus.Services
    AddService = contoso, 2, Service

    [Install.NTamd64.Filters]
    AddFilter = ContosoFilter,, FilterInstall

    [FilterInstall]
    FilterPosition = Upper

    [Ndi]
    HKR, Ndi\\params\\Speed, ParamDesc, , "Speed"
    HKR, Ndi\\params\\Speed, default, , "0"
    HKR, Ndi\\params\\Speed\\enum, "0", , "Auto"
    HKR, Ndi\\params\\Speed\\enum, "1", , "1 Gbps"
    HKR, Ndi\\Params\\speed, type, , "enum"

    [Old]
    HKR, Ndi\\params\\Legacy
    HKR, Ndi, OldValue

    [Bits]
    HKR, , Flags, 1, 0x04, 0x01

    [Service]
    ServiceType = 1
    StartType = 3
    ErrorControl = 1
    ServiceBinary = %13%\\contoso.sys

    [Files]
    contoso.sys

    [DestinationDirs]
    Files = 13

    [SourceDisksNames]
    1 = Disk

    [SourceDisksFiles]
    contoso.sys = 1

    """

    static func withINF(_ body: (URL) throws -> Void) throws {
        try TemporaryFolder.with("isolint-explain") { folder in
            try Data(inf.utf8).write(to: folder.appendingPathComponent("net.inf"))
            try body(folder)
        }
    }

    @Test("values are grouped under their key, deletions and bit changes say what they do, Include/Needs and filters are shown")
    func text() throws {
        try Self.withINF { folder in
            let run = try CommandLineTests.run(["explain", "net.inf"], in: folder)
            #expect(run.status == 0, "\(run.stderr)")
            let key = #"HKLM\SYSTEM\CurrentControlSet\Control\Class\{4d36e972-e325-11ce-bfc1-08002be10318}\<NNNN>"#
            #expect(run.stdout.contains("""
                  \(key)\\Ndi\\params\\Speed
                    ParamDesc REG_SZ = Speed   [isolated] (line 35)
                    default REG_SZ = 0   [isolated] (line 36)
                    type REG_SZ = enum   [isolated] (line 39)
                  \(key)\\Ndi\\params\\Speed\\enum
                    0 REG_SZ = Auto   [isolated] (line 37)
                    1 REG_SZ = 1 Gbps   [isolated] (line 38)
                  \(key)\\Ndi\\params\\Legacy
                    delete the key   [isolated] (line 42)
                  \(key)\\Ndi
                    delete OldValue   [isolated] (line 43)
                  \(key)
                    change bits of Flags (mask, byte: 0x04, 0x01)   [isolated] (line 46)

            """), "\(run.stdout)")
            #expect(run.stdout.contains("""
                filters
                  ContosoFilter upper from [FilterInstall] (line 29)
                from other INFs (Include and Needs; what those sections install is not shown)
                  [Install.NTamd64] Include = netvwifibus.inf; Needs = VWiFiBus.CopyFiles (line 17)
                  [Install.NTamd64.Services] Needs = VWiFiBus.Services (line 25)

            """), "\(run.stdout)")
            #expect(!run.stdout.contains("DelReg "))
        }
    }

    @Test("the JSON plan lists filters and inclusions")
    func json() throws {
        try Self.withINF { folder in
            let run = try CommandLineTests.run(["explain", "--output-format", "json", "net.inf"], in: folder)
            let first = try #require(run.stdout.split(separator: "\n").first)
            let plan = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
            let device = try #require((plan["devices"] as? [[String: Any]])?.first)
            let filters = try #require(device["filters"] as? [[String: Any]])
            #expect(filters.first?["name"] as? String == "ContosoFilter")
            #expect(filters.first?["position"] as? String == "Upper")
            let inclusions = try #require(device["inclusions"] as? [[String: Any]])
            #expect(inclusions.first?["include"] as? [String] == ["netvwifibus.inf"])
            #expect(inclusions.last?["needs"] as? [String] == ["VWiFiBus.Services"])
            let registry = try #require(device["registry"] as? [[String: Any]])
            #expect(registry.contains { $0["operation"] as? String == "DelReg" && $0["value_name"] is NSNull })
        }
    }
}
