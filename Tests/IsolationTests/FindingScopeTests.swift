import Findings
import INFModel
import INFSyntax
import IsolationEngine
import IsolationRules
import Testing

/// A finding says which architectures and Windows versions it holds for when that is narrower than
/// everywhere the INF installs.
@Suite("Finding scopes")
struct FindingScopeTests {
    static func findings(_ text: String, options: CheckOptions = CheckOptions()) -> [Finding] {
        let checker = Checker(options: options)
        return checker.check(tree: INFParser.parse(bytes: Array(text.utf8), path: "scope.inf"), displayPath: "scope.inf")
    }

    static func scope(of rule: String, line: Int, in findings: [Finding]) -> String? {
        findings.first { $0.rule == rule && $0.location.line == line }?.scope?.description
    }

    static let twoArchitectures = """
        [Version]
        Signature = "$WINDOWS NT$"
        Class = System
        ClassGuid = {4d36e97d-e325-11ce-bfc1-08002be10318}
        Provider = %P%
        DriverVer = 01/01/2020,1.0.0.0
        CatalogFile = a.cat
        PnpLockdown = 1

        [Manufacturer]
        %P% = Models, NTamd64.10.0...16299, NTx86

        [Models.NTamd64.10.0...16299]
        %D% = Inst64, root\\a

        [Models.NTx86]
        %D% = Inst32, root\\a

        [Inst64]
        CopyFiles = Files64
        AddReg = Reg64

        [Inst32]
        CopyFiles = Files32

        [Reg64]
        HKLM,Software\\A,X,,1

        [Files64]
        a.sys
        [Files32]
        a.sys

        [DestinationDirs]
        Files64 = 13
        Files32 = 12

        [SourceDisksNames]
        1 = disk
        [SourceDisksFiles]
        a.sys = 1
        [Strings]
        P = "p"
        D = "d"
        """

    @Test("a line reached from one architecture's Models holds for that architecture, a file list for the architectures that copy it")
    func architectureScopes() {
        let findings = Self.findings(Self.twoArchitectures)
        #expect(Self.scope(of: "registry-root-not-hkr", line: 27, in: findings) == "amd64 from 10.0.16299")
        #expect(Self.scope(of: "destination-not-driver-store", line: 31, in: findings) == "x86")
        let version = findings.first { $0.location.line == 6 }
        #expect(version == nil || version?.scope == nil)
    }

    @Test("--arch and --os drop what holds only outside the view, and keep each finding's full scope")
    func narrowedView() {
        let x86 = Self.findings(Self.twoArchitectures, options: CheckOptions(architectures: [.x86]))
        #expect(Self.scope(of: "destination-not-driver-store", line: 31, in: x86) == "x86")
        #expect(!x86.contains { $0.rule == "registry-root-not-hkr" })
        let amd64 = Self.findings(Self.twoArchitectures, options: CheckOptions(architectures: [.amd64]))
        #expect(Self.scope(of: "registry-root-not-hkr", line: 27, in: amd64) == "amd64 from 10.0.16299")
        #expect(!amd64.contains { $0.rule == "destination-not-driver-store" })
        let old = Self.findings(Self.twoArchitectures, options: CheckOptions(targetVersion: WindowsVersion(major: 10, minor: 0, build: 15063)))
        #expect(!old.contains { $0.rule == "registry-root-not-hkr" })
        #expect(old.contains { $0.rule == "destination-not-driver-store" })
    }

    @Test("a section installed only from a version-decorated Models section holds from that version")
    func versionScopes() {
        let text = """
            [Version]
            Signature = "$WINDOWS NT$"
            Class = System
            ClassGuid = {4d36e97d-e325-11ce-bfc1-08002be10318}
            Provider = %P%
            CatalogFile = a.cat

            [Manufacturer]
            %P% = Models, NTamd64, NTamd64.10.0...22000

            [Models.NTamd64]
            %D% = Old, root\\a

            [Models.NTamd64.10.0...22000]
            %D% = New, root\\a

            [Old]
            AddReg = OldReg

            [New]
            AddReg = NewReg

            [OldReg]
            HKLM,Software\\A,X,,1

            [NewReg]
            HKLM,Software\\B,X,,1

            [Strings]
            P = "p"
            D = "d"
            """
        let findings = Self.findings(text)
        #expect(Self.scope(of: "registry-root-not-hkr", line: 24, in: findings) == "amd64 below 10.0.22000")
        #expect(Self.scope(of: "registry-root-not-hkr", line: 27, in: findings) == "amd64 from 10.0.22000")
    }

    @Test("a section every install reaches has no scope")
    func sharedSectionsHoldEverywhere() {
        let shared = Self.twoArchitectures.replacingOccurrences(of: "[Inst32]\nCopyFiles = Files32", with: "[Inst32]\nCopyFiles = Files32\nAddReg = Reg64")
        let findings = Self.findings(shared)
        let finding = findings.first { $0.rule == "registry-root-not-hkr" }
        #expect(finding != nil)
        #expect(finding?.scope == nil)
    }
}
