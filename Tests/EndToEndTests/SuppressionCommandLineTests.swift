import Foundation
import TestSupport
import Testing

/// Suppression comments as a user writes them: the ones that do nothing are reported, and the summary
/// says what suppressions, per-path ignores and the baseline hid.
@Suite("Suppressions on the command line")
struct SuppressionCommandLineTests {
    static let driver = """
    [Version]
    Signature = "$Windows NT$"
    Class = System
    ClassGuid = {4d36e97d-e325-11ce-bfc1-08002be10318}
    Provider = %Contoso%
    DriverVer = 01/01/2024,1.0.0.0
    CatalogFile = driver.cat
    PnpLockdown = 1 ; isolint: ignore[pnplockdown-missing] kept from an old version

    [Manufacturer]
    %Contoso% = Models,NTamd64.10.0...16299

    [Models.NTamd64.10.0...16299]
    %Device% = Install, ROOT\\CONTOSO

    [Install.NTamd64]
    AddReg = Reg
    AddReg = MoreReg
    CopyFiles = Files

    [Install.NTamd64.Services]
    AddService = contoso, 2, Service

    [Service]
    ServiceType = 1
    StartType = 3
    ErrorControl = 1
    ServiceBinary = %13%\\contoso.sys

    [Reg]
    HKLM,Software\\Contoso,Value,,1 ; isolint: ignore[registry-root-not-hkr, hkcr-modifcation]

    [MoreReg]
    ; isolint: ignore [registry-root-not-hkr]
    HKLM,Software\\Contoso,Other,,1

    [Files]
    contoso.sys

    [DestinationDirs]
    Files = 13

    [SourceDisksNames]
    1 = %Disk%

    [SourceDisksFiles]
    contoso.sys = 1

    [Strings]
    Contoso = "Contoso"
    Device = "Contoso Device"
    Disk = "Disk"

    """

    /// A folder holding `driver.inf`, removed after `body`.
    static func withPackage(_ body: (URL) throws -> Void) throws {
        try TemporaryFolder.with("isolint-suppressions") { folder in
            try Data(driver.utf8).write(to: folder.appendingPathComponent("driver.inf"))
            try body(folder)
        }
    }

    @Test("misspelled names, a space before '[' and unused entries are reported; the summary counts what suppressions hid")
    func reported() throws {
        try Self.withPackage { folder in
            let run = try CommandLineTests.run(["check", "--no-config", "--output-format", "concise", "driver.inf"], in: folder)
            let lines = run.stdout.split(separator: "\n").map(String.init)
            #expect(lines.contains { $0.hasPrefix("driver.inf:8:35: warning[unused-suppression]") && $0.contains("'pnplockdown-missing' reports nothing on line 8") })
            #expect(lines.contains { $0.hasPrefix("driver.inf:34:1: warning[invalid-suppression]") && $0.contains("space between 'ignore' and '['") })
            #expect(lines.contains { $0.hasPrefix("driver.inf:31:73: warning[invalid-suppression]") && $0.contains("did you mean 'hkcr-modification'?") })
            // The malformed comment silences nothing: the line below it is reported; the valid one does.
            #expect(lines.contains { $0.hasPrefix("driver.inf:35:1: error[registry-root-not-hkr") })
            #expect(!lines.contains { $0.hasPrefix("driver.inf:31:1: error[registry-root-not-hkr") })
            #expect(lines.filter { $0.hasPrefix("driver.inf:") }.count == 4, "\(run.stdout)")
            #expect(run.stdout.contains("; 1 hidden: 1 by suppression comments"))

            let json = try CommandLineTests.run(["check", "--no-config", "--output-format", "json", "driver.inf"], in: folder)
            #expect(json.stdout.contains("\"hidden\": {\n      \"baseline\": 0,\n      \"suppressions\": 1,\n      \"per_path_ignores\": 0\n    }"))
        }
    }

    @Test("the fixes remove unused entries and, with --unsafe-fixes, the space before '['")
    func fixed() throws {
        // An entry is judged unused only when its rule ran: pnplockdown-missing is selected too.
        try Self.withPackage { folder in
            let run = try CommandLineTests.run(["fix", "--no-config", "--unsafe-fixes", "--select", "unused-suppression,invalid-suppression,pnplockdown-missing", "driver.inf"], in: folder)
            #expect(run.status != 2, "\(run.stderr)")
            let fixed = try String(contentsOf: folder.appendingPathComponent("driver.inf"), encoding: .utf8)
            #expect(fixed.contains("PnpLockdown = 1\n"))
            #expect(fixed.contains("[MoreReg]\n; isolint: ignore[registry-root-not-hkr]\nHKLM"))
            let after = try CommandLineTests.run(["check", "--no-config", "--output-format", "concise", "driver.inf"], in: folder)
            #expect(!after.stdout.contains("error[registry-root-not-hkr"), "\(after.stdout)")
            #expect(after.stdout.contains("; 2 hidden: 2 by suppression comments"), "\(after.stdout)")
        }
    }

    @Test("the summary says how many findings per-path ignores and the baseline hid")
    func hiddenBySettings() throws {
        try Self.withPackage { folder in
            try Data("[per-path-ignores]\n\"driver.inf\" = [\"invalid-suppression\"]\n".utf8)
                .write(to: folder.appendingPathComponent("isolint.toml"))
            let baseline = folder.appendingPathComponent("baseline.json").path
            let written = try CommandLineTests.run(["check", "--select", "registry-root-not-hkr", "--write-baseline", baseline, "driver.inf"], in: folder)
            #expect(written.status == 0, "\(written.stderr)")
            let run = try CommandLineTests.run(["check", "--baseline", baseline, "--output-format", "json", "driver.inf"], in: folder)
            #expect(run.stdout.contains("\"baseline\": 1,"))
            #expect(run.stdout.contains("\"suppressions\": 1,"))
            #expect(run.stdout.contains("\"per_path_ignores\": 2"))
            let text = try CommandLineTests.run(["check", "--baseline", baseline, "driver.inf"], in: folder)
            let summary = text.stdout.split(separator: "\n").first { $0.hasPrefix("Checked 1 INF file") }.map(String.init) ?? ""
            #expect(summary.hasSuffix("1 warning (1 fixable); 4 hidden: 1 by the baseline, 1 by suppression comments, 2 by per-path ignores"), "\(summary)")
        }
    }

    @Test("--output-format github puts errors first and appends a Markdown job summary to GITHUB_STEP_SUMMARY")
    func githubSummary() throws {
        try Self.withPackage { folder in
            let summary = folder.appendingPathComponent("summary.md")
            try Data("# Earlier step\n".utf8).write(to: summary)
            let run = try CommandLineTests.run(["check", "--no-config", "--output-format", "github", "driver.inf"], in: folder, environment: [
                "GITHUB_STEP_SUMMARY": summary.path, "GITHUB_REPOSITORY": "contoso/drivers", "GITHUB_SHA": "0123abc",
                "GITHUB_WORKSPACE": folder.deletingLastPathComponent().path,
            ])
            #expect(run.status == 1)
            #expect(run.stdout.hasPrefix("::error file=driver.inf,line=35,"), "\(run.stdout)")
            let text = try String(contentsOf: summary, encoding: .utf8)
            #expect(text.hasPrefix("# Earlier step\n## isolint\n\nChecked 1 INF file in isolation mode: 1 error, 3 warnings; 1 hidden: 1 by suppression comments.\n"), "\(text)")
            let link = "https://github.com/contoso/drivers/blob/0123abc/\(folder.lastPathComponent)/driver.inf#L35"
            #expect(text.contains("- **error** [`driver.inf:35:1`](\(link))"), "\(text)")
            #expect(text.contains("| error | 1 |"))
        }
    }
}
