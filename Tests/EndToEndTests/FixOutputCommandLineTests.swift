import Foundation
import TestSupport
import Testing

/// What fix runs print besides the fixed files: the JSON edits of `--diff`, `--show-fixes`, and the
/// note that a catalog signed over the old INF must be made again.
@Suite("Fix output on the command line")
struct FixOutputCommandLineTests {
    /// The bytes of `text` in `encoding`: `crlf` (UTF-8 with CR LF), `utf16` (UTF-16LE with a BOM).
    static func bytes(_ text: String, _ encoding: String) -> [UInt8] {
        switch encoding {
        case "utf16": return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        default: return Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        }
    }

    static func withFolder(_ body: (URL) throws -> Void) throws {
        try TemporaryFolder.with("isolint-fix-output", body)
    }

    @Test("fix --diff --output-format json gives byte edits that turn the file into what fix writes", arguments: ["crlf", "utf16"])
    func jsonEdits(encoding: String) throws {
        try Self.withFolder { folder in
            let original = Self.bytes(SuppressionCommandLineTests.driver, encoding)
            let file = folder.appendingPathComponent("driver.inf")
            try Data(original).write(to: file)
            let arguments = ["--no-config", "--unsafe-fixes", "--select", "unused-suppression,invalid-suppression,pnplockdown-missing", "driver.inf"]
            let diff = try CommandLineTests.run(["fix", "--diff", "--output-format", "json"] + arguments, in: folder)
            #expect(diff.status == 1, "\(diff.stderr)")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any])
            #expect(document["schema"] as? String == "isolint-fixes/1")
            let files = try #require(document["files"] as? [[String: Any]])
            #expect(files.count == 1)
            let edits = try #require(files.first?["edits"] as? [[String: Any]])
            #expect(edits.count == 2)
            let fixes = try #require(files.first?["fixes"] as? [[String: Any]])
            #expect(Set(fixes.compactMap { $0["rule"] as? String }) == ["unused-suppression", "invalid-suppression"])
            #expect(files.first?["encoding"] as? String == (encoding == "utf16" ? "utf-16le-bom" : "cp1252"))
            // Applied from the last to the first, the edits give the bytes fix writes.
            var patched = original
            var previousStart = Int.max
            for edit in edits.reversed() {
                let start = try #require(edit["byte_start"] as? Int), end = try #require(edit["byte_end"] as? Int)
                let base64 = try #require(edit["replacement_base64"] as? String)
                let replacement = try #require(Data(base64Encoded: base64))
                #expect(end <= previousStart, "edits overlap or are out of order")
                previousStart = start
                patched.replaceSubrange(start..<end, with: [UInt8](replacement))
                if encoding == "crlf" { #expect(edit["replacement"] as? String == String(decoding: replacement, as: UTF8.self)) }
            }
            #expect(try Data(contentsOf: file) == Data(original), "--diff wrote the file")
            let fix = try CommandLineTests.run(["fix"] + arguments, in: folder)
            #expect(fix.status != 2, "\(fix.stderr)")
            #expect(try Data(contentsOf: file) == Data(patched))
        }
    }

    @Test("--show-fixes lists the fixes by file and rule for fix, --diff and a plain check")
    func showFixes() throws {
        try Self.withFolder { folder in
            try Data(SuppressionCommandLineTests.driver.utf8).write(to: folder.appendingPathComponent("driver.inf"))
            let selection = ["--no-config", "--select", "unused-suppression,invalid-suppression,pnplockdown-missing"]
            let check = try CommandLineTests.run(["check", "--show-fixes"] + selection + ["driver.inf"], in: folder)
            #expect(check.stderr.contains("""
                Fixes available (--fix applies the safe ones, --unsafe-fixes all):
                - driver.inf:
                    1 × invalid-suppression: Remove the space before '[' (unsafe)
                    1 × unused-suppression: Remove the suppression comment

                """), "\(check.stderr)")
            let diff = try CommandLineTests.run(["fix", "--diff", "--show-fixes"] + selection + ["driver.inf"], in: folder)
            #expect(diff.stderr.contains("""
                Would fix 1 finding in 1 file:
                - driver.inf:
                    1 × unused-suppression: Remove the suppression comment

                """), "\(diff.stderr)")
            #expect(diff.stdout.hasPrefix("--- a/driver.inf\n"))
            let fix = try CommandLineTests.run(["fix", "--show-fixes", "--unsafe-fixes"] + selection + ["driver.inf"], in: folder)
            #expect(fix.stderr.contains("Fixed 2 findings in 1 file:\n- driver.inf:\n    1 × invalid-suppression"), "\(fix.stderr)")
            let clean = try CommandLineTests.run(["check", "--show-fixes"] + selection + ["driver.inf"], in: folder)
            #expect(clean.stderr.contains("No fixes available."))
        }
    }

    @Test("after a fix, a catalog beside the INF (named by CatalogFile or after the INF) is to be made and signed again")
    func catalogNote() throws {
        try Self.withFolder { folder in
            try Data(SuppressionCommandLineTests.driver.utf8).write(to: folder.appendingPathComponent("driver.inf"))
            try Data("signed".utf8).write(to: folder.appendingPathComponent("DRIVER.CAT"))
            let selection = ["--no-config", "--select", "unused-suppression,pnplockdown-missing", "driver.inf"]
            let diff = try CommandLineTests.run(["fix", "--diff"] + selection, in: folder)
            #expect(diff.stderr.contains("isolint: note: DRIVER.CAT was made for driver.inf before these fixes: regenerate it (Inf2Cat) and sign it again"),
                    "\(diff.stderr)")
            let fix = try CommandLineTests.run(["fix"] + selection, in: folder)
            #expect(fix.stderr.contains("isolint: note: DRIVER.CAT was made for driver.inf before it was fixed"), "\(fix.stderr)")
            let again = try CommandLineTests.run(["fix"] + selection, in: folder)
            #expect(!again.stderr.contains("DRIVER.CAT"), "nothing changed, yet: \(again.stderr)")
        }
    }

    @Test("--unsafe-fixes removes a co-installer with what only it uses, and a [ClassInstall32] of a Microsoft class")
    func portingFixes() throws {
        try Self.withFolder { folder in
            let text = """
            [Version]
            Signature = "$Windows NT$"
            Class = HIDClass
            ClassGuid = {745a17a0-74d3-11d0-b6fe-00a0c90f57da}
            Provider = Contoso
            [ClassInstall32]
            AddReg = ClassReg
            [ClassReg]
            HKR,,,0,"Contoso devices"
            [Install.NTamd64]
            CopyFiles = Drivers
            [Install.NTamd64.CoInstallers]
            AddReg = CoReg
            CopyFiles = CoFiles
            [CoReg]
            HKR,,CoInstallers32,0x00010000,"WdfCoInstaller01011.dll,WdfCoInstaller"
            [CoFiles]
            WdfCoInstaller01011.dll
            [Drivers]
            contoso.sys
            [DestinationDirs]
            Drivers = 13
            CoFiles = 11
            [SourceDisksFiles]
            contoso.sys = 1
            WdfCoInstaller01011.dll = 1

            """
            try Data(text.utf8).write(to: folder.appendingPathComponent("driver.inf"))
            let selection = ["--no-config", "--select", "legacy-section,classinstall-for-system-class", "driver.inf"]
            let safe = try CommandLineTests.run(["fix"] + selection, in: folder)
            #expect(safe.stderr.contains("Fixed 0 findings"), "both fixes are unsafe: \(safe.stderr)")
            let run = try CommandLineTests.run(["fix", "--unsafe-fixes"] + selection, in: folder)
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
            #expect(run.stderr.contains("The co-installer no longer runs"))
            #expect(run.stderr.contains("Remove WdfCoInstaller01011.dll from the package and regenerate its catalog."))
            let fixed = try String(contentsOf: folder.appendingPathComponent("driver.inf"), encoding: .utf8)
            #expect(fixed == """
                [Version]
                Signature = "$Windows NT$"
                Class = HIDClass
                ClassGuid = {745a17a0-74d3-11d0-b6fe-00a0c90f57da}
                Provider = Contoso
                [Install.NTamd64]
                CopyFiles = Drivers
                [Drivers]
                contoso.sys
                [DestinationDirs]
                Drivers = 13
                [SourceDisksFiles]
                contoso.sys = 1

                """, "\(fixed)")
        }
    }
}
