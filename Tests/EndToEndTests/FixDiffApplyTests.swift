import Foundation
import TestSupport
import Testing

/// `isolint fix --diff` writes what `git apply` and `patch` apply: applied to a CR LF file with
/// code-page bytes, the diff gives the bytes `isolint fix` writes.
@Suite("Applying fix --diff")
struct FixDiffApplyTests {
    /// Runs `executable` in `directory`, returning its standard output as bytes and its status.
    static func run(_ executable: URL, _ arguments: [String], in directory: URL, input: URL? = nil) throws -> (output: [UInt8], status: Int32) {
        try Programs.run(executable, arguments, in: directory, input: input)
    }

    /// A folder holding `x.inf`: the legacy filter example with CR LF line ends, and a comment
    /// holding a code-page byte (é in code page 1252) on a line a fix changes.
    static func makePackage(in root: URL, named name: String) throws -> URL {
        let folder = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let example = SharedData.packageRoot.appendingPathComponent("Examples/legacy-filter/legacyfilter.inf")
        let text = try String(contentsOf: example, encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n")
        let marked = text.replacingOccurrences(of: "DefaultDestDir = 12\n", with: "DefaultDestDir = 12 ; caf\u{1}\n")
        try #require(marked != text)
        let bytes = Array(marked.replacingOccurrences(of: "\n", with: "\r\n").utf8).map { $0 == 0x01 ? 0xE9 : $0 }
        try Data(bytes).write(to: folder.appendingPathComponent("x.inf"))
        return folder
    }

    @Test("the diff of a CR LF file applies with git apply and with patch, and gives what fix writes",
          .enabled(if: Programs.git != nil, "git is not installed"))
    func appliesToCRLF() throws {
        let isolint = try #require(Programs.isolint)
        let git = try #require(Programs.git)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("isolint-diff-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let fixed = try Self.makePackage(in: root, named: "fixed")
        let patched = try Self.makePackage(in: root, named: "patched")
        let diff = try Self.run(isolint, ["fix", "--diff", "--unsafe-fixes", "--no-config", "x.inf"], in: patched)
        #expect(diff.status == 1, "fix --diff exits 1 when it would change a file")
        #expect(diff.output.contains(0x0D), "the diff keeps the CRs of the file")
        #expect(diff.output.contains(0xE9), "the diff keeps the code-page byte as it is")
        let patch = root.appendingPathComponent("fix.patch")
        try Data(diff.output).write(to: patch)
        _ = try Self.run(isolint, ["fix", "--unsafe-fixes", "--no-config", "x.inf"], in: fixed)
        let expected = try Data(contentsOf: fixed.appendingPathComponent("x.inf"))
        #expect(expected != (try Data(contentsOf: patched.appendingPathComponent("x.inf"))), "fix changed the file")

        _ = try Self.run(git, ["init", "-q"], in: patched)
        let applied = try Self.run(git, ["apply", patch.path], in: patched)
        #expect(applied.status == 0, "git apply accepts the diff")
        #expect(try Data(contentsOf: patched.appendingPathComponent("x.inf")) == expected)

        if let patchProgram = Programs.onSearchPath("patch") {
            let other = try Self.makePackage(in: root, named: "other")
            let result = try Self.run(patchProgram, ["-p1", "--quiet"], in: other, input: patch)
            #expect(result.status == 0, "patch accepts the diff")
            #expect(try Data(contentsOf: other.appendingPathComponent("x.inf")) == expected)
        }
    }

    @Test("the diff of a UTF-16 file says that it shows the decoded text")
    func utf16() throws {
        let isolint = try #require(Programs.isolint)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("isolint-diff16-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let example = SharedData.packageRoot.appendingPathComponent("Examples/legacy-filter/legacyfilter.inf")
        let text = try String(contentsOf: example, encoding: .utf8)
        try Data(EncodingVariant.utf16(text)).write(to: root.appendingPathComponent("x.inf"))
        let diff = try Self.run(isolint, ["fix", "--diff", "--unsafe-fixes", "--no-config", "x.inf"], in: root)
        let output = String(decoding: diff.output, as: UTF8.self)
        #expect(output.hasPrefix("# x.inf is UTF-16: this diff shows its decoded text"))
        #expect(output.contains("\n--- a/x.inf\n+++ b/x.inf\n@@ "))
    }
}
