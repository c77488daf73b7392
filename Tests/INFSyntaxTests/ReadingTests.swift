import Foundation
import INFSyntax
import Testing

@Suite("Reading files")
struct ReadingTests {
    @Test("special files and files over the size limit are refused without being loaded")
    func refusesSpecialAndHugeFiles() throws {
        #expect(throws: SourceReadError.self) { try SourceFile.readBytes(path: "/dev/null/none") }
        #expect(throws: SourceReadError.self) { try SourceFile.readBytes(path: "/dev/zero") }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("isolint-size-\(UUID().uuidString).inf")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(repeating: 0x41, count: 100).write(to: url)
        #expect(try SourceFile.readBytes(path: url.path).count == 100)
        do {
            _ = try SourceFile.readBytes(path: url.path, limit: 99)
            Issue.record("a file over the limit was read")
        } catch {
            #expect(error.description.contains("more than the 99-byte limit"))
        }
    }
}
