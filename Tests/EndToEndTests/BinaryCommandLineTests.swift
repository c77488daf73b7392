import Foundation
import Testing

/// `isolint check` on a built package: binaries are checked unless `--no-binaries` is given.
@Suite("Command line: package binaries")
struct BinaryCommandLineTests {
    static let inf = """
        [Version]
        Signature = "$Windows NT$"
        Class = System
        ClassGuid = {4d36e97d-e325-11ce-bfc1-08002be10318}
        Provider = %Mfg%
        CatalogFile = isodrv.cat
        DriverVer = 01/01/2025,1.0.0.0
        PnpLockdown = 1
        [Manufacturer]
        %Mfg% = Contoso, NTamd64.10.0...17763
        [Contoso.NTamd64.10.0...17763]
        %Dev% = Install, Root\\IsoDrv
        [SourceDisksNames]
        1 = %Disk%
        [SourceDisksFiles]
        isodrv.sys = 1
        [DestinationDirs]
        DefaultDestDir = 13
        [Install.NTamd64]
        CopyFiles = Files
        [Install.NTamd64.Services]
        AddService = IsoDrv, 0x2, Service
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\isodrv.sys
        [Files]
        isodrv.sys
        [Strings]
        Mfg = "Contoso"
        Dev = "IsoDrv device"
        Disk = "Disk"
        """

    /// A package folder with a clean INF, the fixture driver it installs, and a DLL it does not.
    static func makePackage() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("isolint-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fixtures = CommandLineTests.packageRoot.appendingPathComponent("Tests/IsolationTests/Fixtures")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("isodrv-x64.sys"),
                                         to: folder.appendingPathComponent("isodrv.sys"))
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("isoenum-x64.dll"),
                                         to: folder.appendingPathComponent("leftover.dll"))
        try Data(inf.utf8).write(to: folder.appendingPathComponent("isodrv.inf"))
        return folder
    }

    @Test("binary findings name the file and offset, warnings unless isolint.toml raises them; --no-binaries leaves the INF alone")
    func noBinaries() throws {
        let folder = try Self.makePackage()
        defer { try? FileManager.default.removeItem(at: folder) }
        // InfVerif never reads binaries: its findings do not fail the build until the user says so.
        let checked = try CommandLineTests.run(["check", "."], in: folder)
        #expect(checked.status == 0)
        #expect(checked.stdout.contains("isodrv.sys+0x6A0: warning[binary-hardcoded-registry-path]"))
        try Data("[levels]\nbinary-hardcoded-registry-path = \"error\"\n".utf8).write(to: folder.appendingPathComponent("isolint.toml"))
        let raised = try CommandLineTests.run(["check", "."], in: folder)
        #expect(raised.status == 1)
        #expect(raised.stdout.contains("isodrv.sys+0x6A0: error[binary-hardcoded-registry-path]"))
        let json = try CommandLineTests.run(["check", "--output-format", "json", "."], in: folder)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let notInstalled = try #require(findings.first { $0["rule"] as? String == "binary-not-installed" })
        #expect(notInstalled["level"] as? String == "note")
        let location = try #require(notInstalled["location"] as? [String: Any])
        #expect(location["file"] as? String == "leftover.dll")
        #expect(location["binary_offset"] as? Int == 0)
        let registry = try #require(findings.first { $0["rule"] as? String == "binary-hardcoded-registry-path" })
        let related = try #require((registry["related"] as? [[String: Any]])?.first?["location"] as? [String: Any])
        #expect(related["file"] as? String == "isodrv.inf")
        #expect(related["line"] as? Int == 29)
        let skipped = try CommandLineTests.run(["check", "--no-binaries", "."], in: folder)
        #expect(skipped.status == 0)
        #expect(skipped.stdout.contains("no problems found"))
        let selected = try CommandLineTests.run(["check", "--select", "binary", "--output-format", "sarif", "."], in: folder)
        // Raised by the isolint.toml of the folder.
        #expect(selected.status == 1)
        #expect(selected.stdout.contains("\"byteOffset\""))
    }

    @Test("a driver or DLL named on the command line is scanned as a binary, not read as an INF")
    func namedBinary() throws {
        let fixtures = CommandLineTests.packageRoot.appendingPathComponent("Tests/IsolationTests/Fixtures")
        let run = try CommandLineTests.run(["check", "--output-format", "concise", fixtures.appendingPathComponent("isodrv-x64.sys").path])
        #expect(run.stdout.contains("isodrv-x64.sys+0x"))
        #expect(run.stdout.contains("[binary-hardcoded-device-path]"))
        #expect(!run.stdout.contains("syntax-error"))
        #expect(!run.stdout.contains("version-section"))
        #expect(!run.stdout.contains("binary-not-installed"), "no INF is expected to install a binary named alone")
        #expect(run.stdout.contains("Checked 1 binary in "), "\(run.stdout)")
        let both = try CommandLineTests.run(["check", "--output-format", "json", "Examples/isolated-kmdf",
                                             fixtures.appendingPathComponent("isodrv-x64.sys").path])
        #expect(both.stdout.contains("\"files_checked\": 1,\n  \"binaries_checked\": 1,"), "\(both.stdout.prefix(300))")
        let skipped = try CommandLineTests.run(["check", "--no-binaries", fixtures.appendingPathComponent("isodrv-x64.sys").path])
        #expect(skipped.status == 0)
        #expect(!skipped.stdout.contains("syntax-error"))
    }
}
