import INFModel
import Testing

@Suite("Typed directives")
struct DirectiveTests {
    static let inf = """
    [Version]
    Signature = "$WINDOWS NT$"
    Class = Sample
    ClassGuid = {78A1C341-4539-11d3-B88D-00C04FAD5171}
    Provider = %Prov%
    DriverVer = 06/21/2006,6.1.7600.16385
    CatalogFile.NTamd64 = x64.cat
    PnpLockdown = 1

    [DestinationDirs]
    DefaultDestDir = 13
    Legacy_Files = 12, sub\\dir

    [SourceDisksNames.amd64]
    1 = %Disk%,,,\\x64
    [SourceDisksNames]
    1 = %Disk%
    2 = Other

    [SourceDisksFiles]
    a.sys = 1,, 4096
    b.dll = 2, bin

    [Install.NTamd64]
    CopyFiles = Legacy_Files, @a.sys
    AddReg = Reg1, Reg2
    Include = machine.inf
    Needs = PCI.Install

    [Install.NTamd64.Services]
    AddService = Svc, 0x00000002, Svc_Install, Svc_EventLog

    [Install.NTamd64.Interfaces]
    AddInterface = {6994AD04-93EF-11D0-A3CC-00A0C9223196}, Wave, If_Install

    [Svc_Install]
    ServiceType = 1
    StartType = 3
    ErrorControl = 1
    ServiceBinary = %13%\\a.sys

    [Legacy_Files]
    a.sys
    renamed.dll, b.dll,, 0x4

    [Reg1]
    HKR,,FriendlyName,,"Contoso"
    HKLM, SOFTWARE\\Contoso, Level, 0x00010001, 4
    HKEY_CURRENT_USER, Software\\x, , 0x10000, one, two
    [Reg2]
    HKR, Parameters, Bad, zz, 1

    [Strings]
    Prov = "Contoso"
    Disk = "Disk 1"
    """

    let document = INFDocument(bytes: Array(inf.utf8))

    @Test("[Version] values are typed")
    func version() {
        let version = document.version
        #expect(version.isWindowsNTSignature)
        #expect(version.className == "Sample")
        #expect(version.provider == "Contoso")
        #expect(version.driverDate == "06/21/2006")
        #expect(version.driverVersion == "6.1.7600.16385")
        #expect(version.catalogFileLines.map(\.key) == ["CatalogFile.NTamd64"])
        #expect(version.pnpLockdown == 1)
    }

    @Test("DestinationDirs gives a section's own entry or DefaultDestDir")
    func destinationDirs() {
        let dirs = document.destinationDirs
        #expect(dirs.defaultDirectory?.dirid == 13)
        #expect(dirs.destination(for: "legacy_files")?.dirid == 12)
        #expect(dirs.destination(for: "legacy_files")?.subdirectory == "sub\\dir")
        #expect(dirs.destination(for: "Other")?.dirid == 13)
        #expect(dirs.entry(for: "Other") == nil)
    }

    @Test("CopyFiles resolves file-list sections and @file values")
    func copyFiles() throws {
        let install = try #require(document.section(named: "Install.NTamd64"))
        let operations = document.copyFiles(in: install)
        #expect(operations.count == 2)
        #expect(operations[0].target == .section("Legacy_Files"))
        #expect(operations[0].files.map(\.destination) == ["a.sys", "renamed.dll"])
        #expect(operations[0].files[1].sourceName == "b.dll")
        #expect(operations[0].files[1].flags == 4)
        #expect(operations[1].target == .file("a.sys"))
        #expect(document.includes(in: install).files == ["machine.inf"])
        #expect(document.includes(in: install).needs == ["PCI.Install"])
    }

    @Test("SourceDisks entries honour the architecture decoration")
    func sourceDisks() {
        let disks = document.sourceDisks(for: .amd64)
        #expect(disks.map(\.id) == ["1", "2"])
        #expect(disks[0].path == "\\x64")
        #expect(document.sourceDiskFile(named: "B.DLL", architecture: .amd64)?.subdirectory == "bin")
        #expect(document.sourceDiskFile(named: "a.sys", architecture: .amd64)?.diskID == "1")
        #expect(document.sourceDiskFile(named: "c.sys", architecture: .amd64) == nil)
    }

    @Test("registry lines are parsed into root, subkey, value, flags and data")
    func registry() throws {
        let install = try #require(document.section(named: "Install.NTamd64"))
        let entries = document.registryEntries(of: install)
        #expect(entries.count == 4)
        #expect(entries[0].root == .relative && entries[0].valueName == "FriendlyName" && entries[0].data == ["Contoso"])
        #expect(entries[0].valueType == .string)
        #expect(entries[1].root == .localMachine && entries[1].subkey == "SOFTWARE\\Contoso")
        #expect(entries[1].valueType == .dword && entries[1].data == ["4"])
        #expect(entries[2].root == .currentUser && entries[2].valueType == .multiString && entries[2].data == ["one", "two"])
        #expect(entries[3].flags == nil && entries[3].flagsText == "zz")
    }

    @Test("AddService and its install section, AddInterface")
    func servicesAndInterfaces() throws {
        let services = try #require(document.section(named: "Install.NTamd64.Services"))
        let service = try #require(document.services(in: services).first)
        #expect(service.name == "Svc" && service.isFunctionDriver)
        #expect(service.installSection == "Svc_Install" && service.eventLogSection == "Svc_EventLog")
        let install = try #require(document.serviceInstallSection(of: service))
        #expect(install.serviceType == 1 && install.startType == 3 && install.errorControl == 1)
        #expect(install.serviceBinaryRaw == "%13%\\a.sys")
        let interfaces = try #require(document.section(named: "Install.NTamd64.Interfaces"))
        let interface = try #require(document.interfaces(in: interfaces).first)
        #expect(interface.reference == "Wave" && interface.installSection == "If_Install")
    }

    @Test("the install section resolves .NT<arch>, then .NT, then the bare name")
    func actualInstallSection() {
        #expect(document.actualInstallSection("install", architecture: .amd64) == "Install.NTamd64")
        #expect(document.actualInstallSection("Install", architecture: .arm64) == "Install")
    }
}
