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
        // As InfVerif, on the header of each file list.
        #expect(try Self.checkRules(check.stdout, line: 29).contains("destination-not-driver-store"))
        #expect(try Self.checkRules(check.stdout, line: 31).contains("program-files-destination"))
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

/// The three commands on one folder whose `isolint.toml` has per-path ignores and a baseline.
@Suite("check, fix --diff and explain under one isolint.toml")
struct SharedSettingsTests {
    @Test("a per-path ignore and a baseline hide the same findings from check, fix --diff and explain")
    func settingsApplyToEveryCommand() throws {
        let example = try String(contentsOf: CommandLineTests.packageRoot.appendingPathComponent("Examples/legacy-filter/legacyfilter.inf"),
                                 encoding: .utf8)
        let root = try OneVerdictTests.package([:])
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in ["a", "b"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            try Data(example.utf8).write(to: root.appendingPathComponent("\(folder)/legacyfilter.inf"))
        }
        try Data("""
            baseline = "baseline.json"

            [per-path-ignores]
            "b/*" = ["pnplockdown-missing", "registry-root-not-hkr"]
            """.utf8).write(to: root.appendingPathComponent("isolint.toml"))
        // The baseline accepts a's reserved class.
        let all = try CommandLineTests.run(["check", "--no-config", "--no-binaries", "--output-format", "json", "a"], in: root)
        let object = try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any]
        let findings = (object?["findings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "reserved-class" }
        #expect(findings.count == 1)
        let written = try CommandLineTests.run(["check", "--no-config", "--no-binaries", "--select", "reserved-class",
                                                "--write-baseline", "baseline.json", "a"], in: root)
        #expect(written.status == 0)

        let check = try CommandLineTests.run(["check", "--no-binaries", "--output-format", "json", "."], in: root)
        let checked = (try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])?["findings"] as? [[String: Any]] ?? []
        func rules(in folder: String) -> Set<String> {
            Set(checked.filter { (($0["location"] as? [String: Any])?["file"] as? String ?? "").hasSuffix("\(folder)/legacyfilter.inf") }
                .compactMap { $0["rule"] as? String })
        }
        #expect(rules(in: "a").isSuperset(of: ["pnplockdown-missing", "registry-root-not-hkr"]))
        #expect(!rules(in: "a").contains("reserved-class"))
        #expect(rules(in: "b").isDisjoint(with: ["pnplockdown-missing", "registry-root-not-hkr"]))
        #expect(rules(in: "b").contains("reserved-class"))

        // fix --diff adds PnpLockdown to a's [Version], and not to b's.
        let diff = try CommandLineTests.run(["fix", "--diff", "--unsafe-fixes", "--no-binaries", "."], in: root)
        let files = diff.stdout.components(separatedBy: "--- a/").dropFirst()
        let aDiff = files.first { $0.hasPrefix("a/") || $0.hasPrefix("./a/") } ?? ""
        let bDiff = files.first { $0.hasPrefix("b/") || $0.hasPrefix("./b/") } ?? ""
        #expect(aDiff.contains("+PnpLockdown = 1"))
        #expect(!bDiff.isEmpty && !bDiff.contains("PnpLockdown"))

        // explain marks the HKLM value in a, and not in b.
        let explainA = try CommandLineTests.run(["explain", "a"], in: root)
        let explainB = try CommandLineTests.run(["explain", "b"], in: root)
        #expect(explainA.stdout.contains("registry-root-not-hkr"))
        #expect(!explainB.stdout.contains("registry-root-not-hkr"))
    }
}
