import Findings
import Fixing
import INFModel
import INFSyntax
import IsolationEngine
import IsolationRules
import Testing

/// Fixes that move files must move every reference to them, and the check must see a reference that
/// names a file where it is not copied.
@Suite("Fixes keep references to the files they move")
struct ProvenFixTests {
    static func fixed(_ text: String, unsafe: Bool = true) -> (text: String, applied: [String]) {
        let engine = FixEngine(checker: Checker(options: CheckOptions()), options: FixOptions(unsafe: unsafe))
        let result = engine.fix(bytes: Array(text.utf8), displayPath: "test.inf")
        return (String(decoding: result.fixed, as: UTF8.self), result.applied.map(\.rule))
    }

    static func findings(_ text: String) -> [Finding] {
        Checker(options: CheckOptions()).check(tree: INFParser.parse(bytes: Array(text.utf8), path: "test.inf"), displayPath: "test.inf")
    }

    static let filterDriver = """
        [Version]
        Signature = "$Windows NT$"
        Class = NetService
        ClassGuid = {4D36E974-E325-11CE-BFC1-08002BE10318}
        Provider = %Provider%
        DriverVer = 01/01/2024,1.0.0.0
        CatalogFile = npf.cat
        PnpLockdown = 1
        [SourceDisksNames]
        1 = %DiskName%
        [SourceDisksFiles]
        npf.sys = 1
        [DestinationDirs]
        DefaultDestDir = 12
        [Manufacturer]
        %Provider% = Models, NTamd64.10.0...16299
        [Models.NTamd64.10.0...16299]
        %Desc% = Install, npf_filter
        [Install.NTamd64]
        CopyFiles = Files
        [Install.NTamd64.Services]
        AddService = %DriverName%, 0, Service
        [Files]
        %DriverName%.sys
        [Service]
        ServiceType = 1
        StartType = 1
        ErrorControl = 1
        ServiceBinary = %12%\\%DriverName%.sys
        [Strings]
        Provider = "Contoso"
        DiskName = "Disk"
        Desc = "Filter"
        DriverName = "npf"
        """

    @Test("moving files to DIRID 13 rewrites a ServiceBinary whose file name is a string key")
    func stringKeyServiceBinaryRewritten() {
        let (text, applied) = Self.fixed(Self.filterDriver)
        #expect(applied.contains("destination-not-driver-store"))
        #expect(text.contains("DefaultDestDir = 13"))
        #expect(text.contains("ServiceBinary = %13%\\%DriverName%.sys"))
        let remaining = Self.findings(text)
        #expect(!remaining.contains { $0.rule == "destination-not-driver-store" || $0.rule == "service-binary-not-copied" })
    }

    @Test("the move rewrites the old folder however it is spelled, and every path of a ';' list")
    func otherSpellingsRewritten() {
        let text = Self.filterDriver
            .replacingOccurrences(of: "ServiceBinary = %12%\\%DriverName%.sys", with: "ServiceBinary = %10%\\System32\\Drivers\\%DriverName%.sys")
            .replacingOccurrences(of: "[Install.NTamd64.Services]", with: "AddReg = Reg\n[Reg]\nHKR, , EventMessageFile, 0x00020000, \"%11%\\IoLogMsg.dll;%12%\\npf.sys\"\n[Install.NTamd64.Services]")
        let (fixed, applied) = Self.fixed(text)
        #expect(applied.contains("destination-not-driver-store"))
        #expect(fixed.contains("ServiceBinary = %13%\\%DriverName%.sys"))
        #expect(fixed.contains("\"%11%\\IoLogMsg.dll;%13%\\npf.sys\""))
    }

    @Test("a ServiceBinary under DIRID 12 whose file is copied to DIRID 13 is an error")
    func serviceBinaryPathComparedWithCopy() throws {
        let moved = Self.filterDriver.replacingOccurrences(of: "DefaultDestDir = 12", with: "DefaultDestDir = 13")
        let found = Self.findings(moved).filter { $0.rule == "service-binary-not-copied" }
        try #require(found.count == 1)
        #expect(found[0].level == .error)
        #expect(found[0].location.line == 29)
        #expect(found[0].message.contains("%13%\\npf.sys"))
    }

    @Test("the same folder written two ways is the same folder")
    func equivalentFolders() {
        let other = Self.filterDriver.replacingOccurrences(of: "ServiceBinary = %12%\\%DriverName%.sys",
                                                           with: "ServiceBinary = %10%\\System32\\Drivers\\%DriverName%.sys")
        #expect(!Self.findings(other).contains { $0.rule == "service-binary-not-copied" })
    }
}

/// Fixes are proven on every architecture and Windows range the INF installs on: a fix that adds an
/// error it cannot complete is refused, and one that can be completed is.
@Suite("Fixes proven on every architecture")
struct ArchitectureProofTests {
    /// amd64 from a decorated Models section, x86 from the undecorated one.
    static let twoArchitectures = """
        [Version]
        Signature = "$Windows NT$"
        Class = System
        ClassGuid = {4d36e97d-e325-11ce-bfc1-08002be10318}
        Provider = %P%
        DriverVer = 01/01/2024,1.0.0.0
        CatalogFile = t.cat
        PnpLockdown = 1
        [SourceDisksNames]
        1 = %D%
        [SourceDisksFiles]
        t.sys = 1
        [DestinationDirs]
        DefaultDestDir = 12
        [Manufacturer]
        %P% = Models, NTamd64
        [Models]
        %Desc% = Install, root\\t
        [Models.NTamd64]
        %Desc% = Install, root\\t
        [Install]
        CopyFiles = Files
        [Install.Services]
        AddService = t, 0x2, Service
        [Files]
        t.sys
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %12%\\t.sys
        [Strings]
        P = "Contoso"
        D = "Disk"
        Desc = "T"
        """

    static func errors(_ text: String, arch: Architecture? = nil) -> Set<String> {
        let checker = Checker(options: CheckOptions(architectures: arch.map { [$0] }))
        return Set(checker.check(tree: INFParser.parse(bytes: Array(text.utf8), path: "t.inf"), displayPath: "t.inf")
            .filter { $0.level == .error }.map(\.rule))
    }

    @Test("an undecorated Models section serves x86: the move to DIRID 13 decorates it too, and no architecture is left with 1199")
    func undecoratedFallbackDecorated() {
        let (text, applied) = ProvenFixTests.fixed(Self.twoArchitectures)
        #expect(applied.contains("destination-not-driver-store"))
        #expect(text.contains("%P% = Models, NTamd64.10.0...16299, NTx86.10.0...16299"))
        #expect(text.contains("[Models.NTx86.10.0...16299]"))
        for arch in [Architecture.x86, .amd64] {
            #expect(Self.errors(text, arch: arch).isEmpty, "errors on \(arch)")
        }
    }

    @Test("a template is proven as stamped for each architecture: a fix that breaks the x86 stamp is refused, naming it")
    func templateProvenPerStamp() throws {
        // Stamped for x86, `NT$ARCH$` is `NTx86`: decorating the undecorated section for x86 would
        // give the file two [Models.NTx86.10.0...16299] sections.
        let template = Self.twoArchitectures.replacingOccurrences(of: "%P% = Models, NTamd64", with: "%P% = Models, NT$ARCH$")
            .replacingOccurrences(of: "[Models.NTamd64]", with: "[Models.NT$ARCH$]")
        let engine = FixEngine(checker: Checker(options: CheckOptions()), options: FixOptions(unsafe: true))
        let result = engine.fix(bytes: Array(template.utf8), displayPath: "t.inx")
        let refused = try #require(result.refused.first { $0.rule == "destination-not-driver-store" })
        #expect(refused.introduces.contains("duplicate-section [$ARCH$=x86]"))
        #expect(String(decoding: result.fixed, as: UTF8.self).contains("DefaultDestDir = 12"))
    }

    @Test("a fix whose follow-on error no fix can complete is refused, and the file keeps its destination")
    func refusedWhenIncomplete() throws {
        // Two headers of one Models section cannot be renamed in place: driver-store-needs-newer-os has no fix.
        let split = Self.twoArchitectures.replacingOccurrences(of: "[Models]\n%Desc% = Install, root\\t",
                                                                with: "[Models]\n%Desc% = Install, root\\t\n[Models]\n%Desc% = Install, root\\t2")
        let engine = FixEngine(checker: Checker(options: CheckOptions(architectures: [.amd64])), options: FixOptions(unsafe: true))
        let result = engine.fix(bytes: Array(split.utf8), displayPath: "t.inf")
        let refused = try #require(result.refused.first { $0.rule == "destination-not-driver-store" })
        #expect(refused.introduces.contains("driver-store-needs-newer-os"))
        let text = String(decoding: result.fixed, as: UTF8.self)
        #expect(text.contains("DefaultDestDir = 12"))
        #expect(text.contains("ServiceBinary = %12%\\t.sys"))
        // Narrowed to amd64 or not, no architecture gains an error.
        for arch in [Architecture.x86, .amd64] {
            #expect(Self.errors(text, arch: arch).isSubset(of: Self.errors(split, arch: arch)), "new errors on \(arch)")
        }
    }
}
