import Foundation
import PE
import Testing

@Suite("Byte sources")
struct ByteSourceTests {
    @Test func memoryReadsAreClipped() {
        let source = MemoryByteSource([1, 2, 3, 4, 5])
        #expect(source.size == 5)
        #expect(source.path == "<memory>")
        #expect(source.read(offset: 1, count: 3) == [2, 3, 4])
        #expect(source.read(offset: 3, count: 10) == [4, 5])
        #expect(source.read(offset: 5, count: 1) == [])
        #expect(source.read(offset: -1, count: 2) == [])
        #expect(source.read(offset: 0, count: -2) == [])
        #expect(source.read(offset: .max, count: .max) == [])
    }

    @Test func fileReadsOnlyWhatIsAsked() throws {
        let path = try Fixture.dll32.path
        let bytes = try Fixture.dll32.bytes
        let source = try FileByteSource(path: path)
        #expect(source.size == bytes.count)
        #expect(source.path == path)
        #expect(try source.read(offset: 0, count: 2) == Array("MZ".utf8))
        #expect(try source.read(offset: 0x3C, count: 4) == Array(bytes[0x3C..<0x40]))
        #expect(try source.read(offset: bytes.count - 3, count: 100) == Array(bytes.suffix(3)))
        #expect(try source.read(offset: bytes.count, count: 1) == [])
        #expect(try source.read(offset: -4, count: 4) == [])
    }

    @Test func filesThatCannotBeRead() throws {
        let missing = "/nonexistent/isolint/driver.sys"
        #expect(throws: PEError(path: missing, offset: 0, reason: .unreadable("no such file"))) {
            try PEFile.read(path: missing)
        }
        let folder = URL(fileURLWithPath: try Fixture.driver.path).deletingLastPathComponent().path
        #expect(throws: PEError(path: folder, offset: 0, reason: .unreadable("is a directory"))) {
            try PEStrings.extract(path: folder)
        }
    }

    @Test func errorsNameTheFileAndOffset() {
        let error = PEError(path: "a.sys", offset: 0x40, reason: .truncated(.coffHeader, needed: 20, available: 3))
        #expect(error.description == "a.sys: offset 0x40: the file ends inside the COFF file header: 20 bytes needed, 3 present")
        let warning = PEWarning(.loop(.importDescriptor), offset: 0xE14)
        #expect(warning.description == "offset 0xe14: the import descriptor repeats an earlier one; the rest of the table was not read")
    }
}
