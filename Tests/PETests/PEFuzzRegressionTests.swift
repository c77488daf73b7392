import Foundation
import PE
import Testing

/// Runs the hostile PE files and every `pe-…` input under Tests/Fixtures/fuzz-regressions through
/// what the PE fuzz target runs: the reader, RVA mapping, imports and string extraction.
@Suite("PE fuzz regressions")
struct PEFuzzRegressionTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func inputs() -> [URL] {
        var found: [URL] = []
        for folder in ["fuzz-regressions", "hostile"] {
            let url = fixtures.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            found += names.filter { $0.hasPrefix("pe-") }.sorted().map { url.appendingPathComponent($0) }
        }
        return found
    }

    @Test("every regression input is read or refused with an error, never a crash", arguments: inputs())
    func reader(_ url: URL) throws {
        let bytes = try [UInt8](Data(contentsOf: url))
        do {
            let file = try PEFile(bytes: bytes, path: url.lastPathComponent)
            for offset in stride(from: 0, to: 0x4000, by: 0x200) { _ = file.fileOffset(forRVA: UInt32(offset)) }
            _ = file.importsFunction(named: "IoCreateSymbolicLink")
        } catch {
            #expect(String(describing: error).contains(url.lastPathComponent))
        }
        _ = try? PEStrings.extract(from: MemoryByteSource(bytes, path: url.lastPathComponent), minimumLength: 4)
    }
}
