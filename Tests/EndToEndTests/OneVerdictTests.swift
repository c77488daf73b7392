import Foundation
import Testing

/// `check` and `explain` read one set of facts: what explain marks not isolated, check reports under
/// the same rule.
@Suite("One verdict for check and explain")
struct OneVerdictTests {
    /// A package folder in a fresh temporary folder holding `files`.
    static func package(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("isolint-verdict-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: root.appendingPathComponent(name))
        }
        return root
    }

    static let copies = """
        [Version]
        Signature = "$Windows NT$"
        Class = System
        ClassGuid = {4d36e97d-e325-11ce-bfc1-08002be10318}
        Provider = %Provider%
        DriverVer = 01/01/2024,1.0.0.0
        CatalogFile = wow.cat
        PnpLockdown = 1
        [SourceDisksNames]
        1 = %DiskName%
        [SourceDisksFiles]
        wow.sys = 1
        helper32.dll = 1
        tool.exe = 1
        [DestinationDirs]
        DefaultDestDir = 13
        Wow_Files = 16425
        Tool_Files = 16422, Contoso
        [Manufacturer]
        %Provider% = Models, NTamd64.10.0...16299
        [Models.NTamd64.10.0...16299]
        %Desc% = Install, root\\wow
        [Install.NTamd64]
        CopyFiles = Drv_Files, Wow_Files, Tool_Files
        [Install.NTamd64.Services]
        AddService = wow, 0x2, Service
        [Drv_Files]
        wow.sys
        [Wow_Files]
        helper32.dll
        [Tool_Files]
        tool.exe
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\wow.sys
        [Strings]
        Provider = "Contoso"
        DiskName = "Disk"
        Desc = "Wow"
        """

    /// The rule names of the JSON report's findings on `line`.
    static func checkRules(_ json: String, line: Int) throws -> Set<String> {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let findings = object?["findings"] as? [[String: Any]] ?? []
        return Set(findings.compactMap { finding -> String? in
            guard let location = finding["location"] as? [String: Any], location["line"] as? Int == line else { return nil }
            return finding["rule"] as? String
        })
    }

    @Test("a SysWOW64 copy and a Program Files copy: explain and check name the same rule")
    func sysWOW64AndProgramFiles() throws {
        let root = try Self.package(["wow.inf": Self.copies])
        defer { try? FileManager.default.removeItem(at: root) }
        let check = try CommandLineTests.run(["check", "--no-binaries", "--output-format", "json", "wow.inf"], in: root)
        let explain = try CommandLineTests.run(["explain", "wow.inf"], in: root)
        #expect(explain.status == 0)
        #expect(try Self.checkRules(check.stdout, line: 17).contains("destination-not-driver-store"))
        #expect(try Self.checkRules(check.stdout, line: 18).contains("program-files-destination"))
        let lines = explain.stdout.split(separator: "\n").map(String.init)
        let helper = try #require(lines.first { $0.contains("SysWOW64\\helper32.dll") })
        #expect(helper.contains("[NOT isolated: destination-not-driver-store]"))
        let tool = try #require(lines.first { $0.contains("Contoso\\tool.exe") })
        #expect(tool.contains("[NOT isolated: program-files-destination]"))
    }

    @Test("a ServiceBinary left under DIRID 12 after its file moved to 13: both commands say so")
    func serviceBinaryLeftBehind() throws {
        let text = Self.copies.replacingOccurrences(of: "ServiceBinary = %13%\\wow.sys", with: "ServiceBinary = %12%\\wow.sys")
        let root = try Self.package(["wow.inf": text])
        defer { try? FileManager.default.removeItem(at: root) }
        let check = try CommandLineTests.run(["check", "--no-binaries", "--output-format", "json", "wow.inf"], in: root)
        #expect(check.status == 1)
        #expect(try Self.checkRules(check.stdout, line: 37).contains("service-binary-not-copied"))
        let explain = try CommandLineTests.run(["explain", "wow.inf"], in: root)
        let binary = try #require(explain.stdout.split(separator: "\n").first { $0.contains("binary %12%\\wow.sys") })
        #expect(binary.contains("NOT isolated: service-binary-not-copied"))
    }
}
