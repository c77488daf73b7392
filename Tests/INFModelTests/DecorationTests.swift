import INFModel
import Testing

@Suite("Platform decorations and Models selection")
struct DecorationTests {
    @Test("NTamd64.10.0...16299 parses into its parts")
    func parsesFullDecoration() throws {
        let d = try #require(PlatformDecoration(parsing: "NTamd64.10.0...16299"))
        #expect(d.architecture == .amd64)
        #expect(d.major == 10 && d.minor == 0)
        #expect(d.productType == nil && d.suiteMask == nil)
        #expect(d.build == 16299)
        #expect(d.minimumVersion == WindowsVersion(major: 10, minor: 0, build: 16299))
    }

    @Test("case is ignored and a bare NT has no architecture")
    func parsesShortForms() throws {
        #expect(try #require(PlatformDecoration(parsing: "ntARM64")).architecture == .arm64)
        let bare = try #require(PlatformDecoration(parsing: "NT"))
        #expect(bare.architecture == nil && bare.major == nil)
        #expect(try #require(PlatformDecoration(parsing: "NTx86.6.1.1")).productType == 1)
    }

    @Test("malformed decorations are rejected", arguments: ["amd64", "NTmips", "NTamd64.ten", "NTamd64.10.0.1.2.3.4"])
    func rejectsMalformed(text: String) {
        #expect(PlatformDecoration(parsing: text) == nil)
    }

    @Test("a build number is compared only when major.minor match")
    func buildComparison() throws {
        let d = try #require(PlatformDecoration(parsing: "NTamd64.10.0...17763"))
        #expect(d.applies(to: .amd64, version: WindowsVersion(major: 10, minor: 0, build: 17763)))
        #expect(!d.applies(to: .amd64, version: WindowsVersion(major: 10, minor: 0, build: 17134)))
        #expect(!d.applies(to: .amd64, version: WindowsVersion(major: 6, minor: 3, build: 99999)))
        #expect(!d.applies(to: .arm64, version: WindowsVersion(major: 10, minor: 0, build: 26100)))
        #expect(try #require(PlatformDecoration(parsing: "NTamd64.6.3")).applies(to: .amd64, version: .win10_1709))
    }

    @Test("the newest applicable Models section wins; undecorated Models serve x86 only")
    func modelsSelection() throws {
        let inf = """
        [Version]
        Signature="$Windows NT$"
        [Manufacturer]
        %Mfg% = Contoso, NTamd64, NTamd64.10.0...16299, NTarm64.10.0...17763
        [Contoso]
        [Contoso.NTamd64]
        [Contoso.NTamd64.10.0...16299]
        [Strings]
        Mfg = "Contoso"
        """
        let document = INFDocument(bytes: Array(inf.utf8))
        let entry = try #require(document.manufacturers.first)
        #expect(entry.line.key == "Contoso")
        #expect(entry.decorations.count == 3)
        let win10 = entry.modelsSection(for: TargetPlatform(architecture: .amd64, version: .win10_1803))
        #expect(win10?.name == "Contoso.NTamd64.10.0...16299")
        let old = entry.modelsSection(for: TargetPlatform(architecture: .amd64, version: WindowsVersion(major: 10, minor: 0, build: 15063)))
        #expect(old?.name == "Contoso.NTamd64")
        #expect(entry.modelsSection(for: TargetPlatform(architecture: .arm64, version: .win10_1803)) == nil)
        #expect(entry.modelsSection(for: TargetPlatform(architecture: .x86, version: .win10_1803))?.name == "Contoso")
    }

    @Test("Windows versions parse from dotted and bare build forms")
    func windowsVersion() {
        #expect(WindowsVersion(parsing: "10.0.17763") == WindowsVersion(major: 10, minor: 0, build: 17763))
        #expect(WindowsVersion(parsing: "17763") == WindowsVersion(major: 10, minor: 0, build: 17763))
        #expect(WindowsVersion(parsing: "6.3") == WindowsVersion(major: 6, minor: 3))
        #expect(WindowsVersion(parsing: "ten") == nil)
    }
}
