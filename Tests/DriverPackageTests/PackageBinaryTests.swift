import DriverPackage
import Foundation
import INFModel
import INFSyntax
import Testing

/// Finding a package's binaries and the INF lines that install them.
@Suite("Package binaries and their installs")
struct PackageBinaryTests {
    @Test("binaries are the .sys, .dll and .exe files outside nested packages")
    func binaries() {
        let contents = PackageContents(root: "/pkg", relativePaths: [
            "drv.inf", "x64/Drv.SYS", "x64/helper.dll", "tools/setup.exe", "readme.txt", "drv.cat",
            "sub/other.inf", "sub/other.sys", "sub/deeper/more.dll", "src/notes.inx.txt",
        ])
        #expect(contents.binaries.map(\.relativePath) == ["tools/setup.exe", "x64/Drv.SYS", "x64/helper.dll"])
        #expect(contents.binaries.first?.path == "/pkg/tools/setup.exe")
        #expect(contents.infFiles == ["drv.inf"])
        #expect(PackageBinary(root: "/pkg/", relativePath: "a/b.dll").path == "/pkg/a/b.dll")
        #expect(PackageBinary(root: "/pkg", relativePath: "a/b.dll").fileName == "b.dll")
    }

    static let inf = """
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Contoso, NTamd64, NTx86
        [Contoso.NTamd64]
        %Dev% = Install, Root\\Iso
        [Contoso.NTx86]
        %Dev% = Install, Root\\Iso
        [SourceDisksNames]
        1 = %Disk%,,,\\bin
        [SourceDisksFiles.amd64]
        iso.sys = 1, x64
        [SourceDisksFiles.x86]
        iso.sys = 1, x86
        [SourceDisksFiles]
        iso.dll = 1
        readme.txt = 1
        [DestinationDirs]
        DefaultDestDir = 13
        [Install.NTamd64]
        CopyFiles = Files, @iso.dll
        [Install.NTx86]
        CopyFiles = Files
        [Files]
        iso.sys
        [Strings]
        Mfg = "Contoso"
        Dev = "Device"
        Disk = "Disk"
        """

    static func document() -> INFDocument {
        INFDocument(bytes: Array(inf.utf8), path: "iso.inf")
    }

    @Test("SourceDisksNames paths and SourceDisksFiles subdirectories place a source file")
    func packagePaths() {
        let document = Self.document()
        #expect(document.packagePath(ofSource: "ISO.SYS", architecture: .amd64) == "\\bin\\x64\\iso.sys")
        #expect(document.packagePath(ofSource: "iso.sys", architecture: .x86) == "\\bin\\x86\\iso.sys")
        #expect(document.packagePath(ofSource: "iso.dll", architecture: .arm64) == "\\bin\\iso.dll")
        #expect(document.packagePath(ofSource: "absent.sys", architecture: .amd64) == nil)
    }

    @Test("each CopyFiles entry installs the file its architecture's source disks place")
    func installs() {
        let document = Self.document()
        let contents = PackageContents(root: "/pkg", relativePaths: ["iso.inf", "bin/x64/iso.sys", "bin/x86/iso.sys", "bin/iso.dll"])
        let installs = document.packageFileInstalls(in: contents, graph: SectionGraph(document: document),
                                                    architectures: [.amd64, .x86])
        let seen = installs.map { "\($0.installSection) \($0.architecture) \($0.relativePath) line \($0.entry.line.lineNumber)" }
        #expect(seen.sorted() == [
            "Install.NTamd64 amd64 bin/iso.dll line 21",
            "Install.NTamd64 amd64 bin/x64/iso.sys line 25",
            "Install.NTx86 x86 bin/x86/iso.sys line 25",
        ])
        #expect(document.isBuilt(in: contents, architectures: [.amd64]))
        #expect(!document.isBuilt(in: PackageContents(root: "/pkg", relativePaths: ["iso.inf", "iso.sys"]), architectures: [.amd64]))
    }

    @Test("an install section applies to its own architecture, or to those without a decorated variant")
    func sectionArchitectures() {
        let document = Self.document()
        #expect(document.installArchitectures(ofSection: "Install.NTamd64") == [.amd64])
        #expect(document.installArchitectures(ofSection: "Install") == Set(Architecture.allCases).subtracting([.amd64, .x86]))
        #expect(document.installArchitectures(ofSection: "Files") == Set(Architecture.allCases))
    }
}
