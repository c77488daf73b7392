import Findings
import Fixing
import Foundation
import INFSyntax
import IsolationEngine
import IsolationRules
import TestSupport
import Testing

@Suite("Fix engine")
struct FixEngineTests {
    static func example(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: SharedData.repositoryFile(relative)))
    }

    static func utf16(_ text: String) -> [UInt8] { EncodingVariant.utf16(text) }

    @Test("a safe fix changes only the bytes it inserts, in the file's own encoding and line ends")
    func untouchedBytesStay() throws {
        let original = try Self.example("Examples/legacy-filter/legacyfilter.inf")
        let engine = FixEngine(checker: Checker(options: CheckOptions()), options: FixOptions(unsafe: false))
        let result = engine.fix(bytes: original, displayPath: "legacyfilter.inf")
        let inserted = Array("PnpLockdown = 1\r\n".utf8)
        #expect(result.fixed.count == original.count + inserted.count)
        var split = 0
        while split < original.count, original[split] == result.fixed[split] { split += 1 }
        #expect(Array(result.fixed[split..<(split + inserted.count)]) == inserted)
        #expect(Array(result.fixed[(split + inserted.count)...]) == Array(original[split...]))
        #expect(result.applied.map(\.rule) == ["pnplockdown-missing"])
    }

    @Test("UTF-16LE files stay UTF-16LE with their BOM, and CRLF stays CRLF")
    func utf16StaysUTF16() throws {
        let original = try Self.example("Examples/umdf-sensor/contososensor.inf")
        #expect(Array(original.prefix(2)) == [0xFF, 0xFE])
        let engine = FixEngine(checker: Checker(options: CheckOptions()), options: FixOptions(unsafe: true))
        let result = engine.fix(bytes: original, displayPath: "contososensor.inf")
        #expect(result.changed)
        #expect(Array(result.fixed.prefix(2)) == [0xFF, 0xFE])
        let fixed = SourceFile(path: "x", bytes: result.fixed)
        #expect(fixed.encoding == .utf16LE(bom: true))
        #expect(fixed.lineEndingStyle == .crlf)
        let text = String(decoding: fixed.text.units, as: UTF16.self)
        // The package has no UMDF subfolder, so the driver-store copy drops it and the reference follows.
        #expect(text.contains("UMDriverCopy = 13\r\n"))
        #expect(text.contains("ServiceBinary      = %13%\\contososensor.dll"))
        #expect(text.contains("%ManufacturerName% = Contoso, NTamd64.10.0...17134"))
    }

    @Test("overlapping fixes wait for the next round")
    func overlappingFixesDefer() {
        let text = """
        [Version]
        Signature = "$Windows NT$"
        PnpLockdown = 1
        [DestinationDirs]
        DefaultDestDir = 11
        [Install]
        CopyFiles = Files
        AddReg = Reg
        [Files]
        helper.dll
        [Reg]
        HKR,,Helper,,"%11%\\helper.dll"

        """
        let engine = FixEngine(checker: Checker(options: CheckOptions()), options: FixOptions(unsafe: true))
        let result = engine.fix(bytes: Array(text.utf8), displayPath: "x.inf")
        let fixed = String(decoding: result.fixed, as: UTF8.self)
        #expect(fixed.contains("DefaultDestDir = 13"))
        #expect(fixed.contains("HKR,,Helper,,\"%13%\\helper.dll\""))
        #expect(result.refusal == nil)
        #expect(result.rounds >= 1)
        let again = engine.fix(bytes: result.fixed, displayPath: "x.inf")
        #expect(!again.changed)
    }

    @Test("a file SetupAPI cannot open is never touched")
    func brokenFileUntouched() {
        let bytes = Array("[Version]\nSignature = \"$Windows NT$\"\n[Broken\n".utf8)
        let engine = FixEngine(checker: Checker(options: CheckOptions()), options: FixOptions(unsafe: true))
        let result = engine.fix(bytes: bytes, displayPath: "broken.inf")
        #expect(!result.changed)
        #expect(result.refusal?.message.contains("ERROR_BAD_SECTION_NAME_LINE") == true)
    }

    @Test("a characters the file's code page cannot hold refuses that fix")
    func unencodableReplacement() {
        #expect(TextEncoding.ansi.encode("caf\u{E9} \u{20AC}") == [0x63, 0x61, 0x66, 0xE9, 0x20, 0x80])
        #expect(TextEncoding.ansi.encode("\u{4E2D}") == nil)
        #expect(TextEncoding.utf16LE(bom: true).encode("A\u{4E2D}") == [0x41, 0x00, 0x2D, 0x4E])
    }
}

@Suite("Atomic writes")
struct AtomicWriterTests {
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("isolint-write-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("the new content replaces the old, permissions are kept, and .orig holds the original")
    func replaces() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("x.inf")
        try Data("old\n".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        try AtomicWriter.write(Array("new\n".utf8), to: file.path, backup: true)
        #expect(try String(contentsOf: file, encoding: .utf8) == "new\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("x.inf.orig"), encoding: .utf8) == "old\n")
        let permissions = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["x.inf", "x.inf.orig"])
    }

    @Test("a write that fails half-way leaves the original intact and no temporary file behind")
    func failureKeepsOriginal() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("x.inf")
        try Data("original\n".utf8).write(to: file)
        struct DiskFull: Error {}
        var temporarySeen: String?
        #expect(throws: FixWriteError.self) {
            try AtomicWriter.write(Array("half written".utf8), to: file.path) { step in
                if case .beforeReplacing(let temporary) = step {
                    temporarySeen = temporary
                    throw DiskFull()
                }
            }
        }
        #expect(temporarySeen != nil)
        #expect(try String(contentsOf: file, encoding: .utf8) == "original\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["x.inf"])
    }

    @Test("a file in a folder that does not exist is a clear error")
    func missingFolder() {
        #expect(throws: FixWriteError.self) {
            try AtomicWriter.write([0x41], to: "/nonexistent-isolint-folder/x.inf")
        }
    }
}

@Suite("Unified diff")
struct UnifiedDiffTests {
    @Test("changes come as hunks with three lines of context")
    func hunks() {
        let old = (1...12).map { "line \($0)" }.joined(separator: "\n") + "\n"
        var lines = (1...12).map { "line \($0)" }
        lines[5] = "line six"
        lines.insert("inserted", at: 10)
        let new = lines.joined(separator: "\n") + "\n"
        let diff = UnifiedDiff.render(old: old, new: new, path: "x.inf")
        #expect(diff == """
        --- a/x.inf
        +++ b/x.inf
        @@ -3,10 +3,11 @@
         line 3
         line 4
         line 5
        -line 6
        +line six
         line 7
         line 8
         line 9
         line 10
        +inserted
         line 11
         line 12

        """)
        #expect(UnifiedDiff.render(old: old, new: old, path: "x.inf").isEmpty)
    }

    @Test("lines split at LF and keep their CR, so that the diff of a CR LF file applies to it")
    func crlf() {
        let diff = UnifiedDiff.render(old: "a\r\nb\r\n", new: "a\r\nc\r\n", path: "y.inf")
        #expect(diff == "--- a/y.inf\n+++ b/y.inf\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n")
    }

    @Test("a last line without a line end is marked, in the old file, the new one or both")
    func missingNewline() {
        #expect(UnifiedDiff.render(old: "a\nb", new: "a\nc", path: "z.inf")
            == "--- a/z.inf\n+++ b/z.inf\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n")
        #expect(UnifiedDiff.render(old: "a\nb", new: "a\nb\n", path: "z.inf")
            == "--- a/z.inf\n+++ b/z.inf\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n")
    }

    @Test("bytes beyond ASCII are diffed and written as they are, not decoded")
    func codePageBytes() {
        let old: [UInt8] = Array("x = caf".utf8) + [0xE9] + Array("\r\ny = 1\r\n".utf8)
        let new: [UInt8] = Array("x = caf".utf8) + [0xE9] + Array("\r\ny = 2\r\n".utf8)
        let diff = UnifiedDiff.render(old: old, new: new, path: "w.inf")
        #expect(diff == Array("--- a/w.inf\n+++ b/w.inf\n@@ -1,2 +1,2 @@\n x = caf".utf8) + [0xE9] + Array("\r\n-y = 1\r\n+y = 2\r\n".utf8))
    }
}
