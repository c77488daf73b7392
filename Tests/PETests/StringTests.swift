import PE
import Testing

@Suite("String extraction")
struct StringTests {
    private let registryPath = #"\Registry\Machine\SYSTEM\CurrentControlSet\Services\isodrv"#
    private let imagePath = #"\SystemRoot\System32\drivers\isodrv.sys"#

    private func strings(_ bytes: [UInt8], _ options: StringScanOptions = StringScanOptions()) throws -> [ExtractedString] {
        try PEStrings.extract(from: MemoryByteSource(bytes), options: options)
    }

    @Test func driverPathsWithTheirOffsets() throws {
        let bytes = try Fixture.driver.bytes
        let found = try PEStrings.extract(from: MemoryByteSource(bytes), minimumLength: 5)
        let registryOffset = try #require(firstIndex(of: utf16LE(registryPath), in: bytes))
        let imageOffset = try #require(firstIndex(of: Array(imagePath.utf8), in: bytes))
        #expect(registryOffset == 0x6A0)
        #expect(imageOffset == 0x660)
        #expect(found.contains(ExtractedString(
            offset: registryOffset, encoding: .utf16LE, value: registryPath, length: registryPath.count)))
        #expect(found.contains(ExtractedString(
            offset: imageOffset, encoding: .ascii, value: imagePath, length: imagePath.count)))
        let device = try #require(found.first { $0.value == #"\Device\IsoDrv"# })
        #expect(device.encoding == .utf16LE)
        #expect(device.byteCount == 28)
        #expect(found.contains { $0.value == "ZwSetValueKey" && $0.encoding == .ascii })
        #expect(found.contains { $0.value == "ntoskrnl.exe" })
    }

    /// Each string's bytes are where its offset says, each run is whole, and the list is in offset order.
    @Test(arguments: Fixture.allCases)
    func offsetsPointAtTheBytes(_ fixture: Fixture) throws {
        let bytes = try fixture.bytes
        let found = try strings(bytes)
        #expect(!found.isEmpty)
        for string in found {
            let encoded = string.encoding == .ascii ? Array(string.value.utf8) : utf16LE(string.value)
            #expect(encoded.count == string.byteCount)
            #expect(bytes[string.offset..<string.offset + string.byteCount].elementsEqual(encoded), "\(string)")
            #expect(string.length >= 4)
        }
        #expect(found.map(\.offset) == found.map(\.offset).sorted())
    }

    /// Runs that cross chunk boundaries come out the same whatever the chunk size.
    @Test(arguments: [1, 2, 3, 7, 64, 511, 4096])
    func chunkSizeDoesNotMatter(_ chunkSize: Int) throws {
        for fixture in Fixture.allCases {
            let bytes = try fixture.bytes
            let whole = try strings(bytes)
            let chunked = try strings(bytes, StringScanOptions(chunkSize: chunkSize))
            #expect(chunked == whole, "\(fixture) in chunks of \(chunkSize)")
        }
    }

    @Test func fileAndMemoryFindTheSame() throws {
        for fixture in Fixture.allCases {
            let fromFile = try PEStrings.extract(path: try fixture.path, options: StringScanOptions(chunkSize: 1000))
            #expect(fromFile == (try strings(try fixture.bytes)))
        }
    }

    @Test func minimumLength() throws {
        let bytes = Array("abc\0abcd\0abcdefg\0".utf8)
        #expect(try strings(bytes).map(\.value) == ["abcd", "abcdefg"])
        #expect(try PEStrings.extract(from: MemoryByteSource(bytes), minimumLength: 3).map(\.value) == ["abc", "abcd", "abcdefg"])
        #expect(try PEStrings.extract(from: MemoryByteSource(bytes), minimumLength: 5).map(\.offset) == [9])
        #expect(try strings([]).isEmpty)
    }

    @Test func asciiRuns() throws {
        // Tab belongs to a run; newline and bytes above 0x7E end it.
        let bytes: [UInt8] = Array("\u{1}key\tvalue\nline two".utf8) + [0xC3, 0xA9] + Array("tail".utf8)
        #expect(try strings(bytes) == [
            ExtractedString(offset: 1, encoding: .ascii, value: "key\tvalue", length: 9),
            ExtractedString(offset: 11, encoding: .ascii, value: "line two", length: 8),
            ExtractedString(offset: 21, encoding: .ascii, value: "tail", length: 4),
        ])
    }

    @Test func utf16RunsAtEitherAlignment() throws {
        let bytes: [UInt8] = [0xFF] + utf16LE("Odd!") + [0xFF, 0xFF, 0xFF] + utf16LE("Even") + [0x00, 0xD8]
        #expect(try strings(bytes) == [
            ExtractedString(offset: 1, encoding: .utf16LE, value: "Odd!", length: 4),
            ExtractedString(offset: 12, encoding: .utf16LE, value: "Even", length: 4),
        ])
        #expect(try strings(bytes, StringScanOptions(encodings: [.ascii])).isEmpty)
    }

    @Test func latin1InUTF16IsOptional() throws {
        let bytes = utf16LE("Größe")
        #expect(try strings(bytes).isEmpty)
        #expect(try strings(bytes, StringScanOptions(utf16IncludesLatin1: true)) == [
            ExtractedString(offset: 0, encoding: .utf16LE, value: "Größe", length: 5),
        ])
        // Latin-1 never starts an ASCII run.
        #expect(try strings([0xE9, 0xE9, 0xE9, 0xE9], StringScanOptions(utf16IncludesLatin1: true)).isEmpty)
    }

    @Test func longRunsComeInPieces() throws {
        let bytes = Array(String(repeating: "A", count: 10).utf8)
        let options = StringScanOptions(minimumLength: 4, maximumLength: 4)
        #expect(try strings(bytes, options) == [
            ExtractedString(offset: 0, encoding: .ascii, value: "AAAA", length: 4),
            ExtractedString(offset: 4, encoding: .ascii, value: "AAAA", length: 4),
            ExtractedString(offset: 8, encoding: .ascii, value: "AA", length: 2),
        ])
        let wide = utf16LE(String(repeating: "B", count: 9))
        #expect(try strings(wide, options).map(\.offset) == [0, 8, 16])
        // A run that ends exactly at a piece boundary leaves no continuation behind.
        let exact = Array("AAAAAAAA\0ab\0".utf8)
        #expect(try strings(exact, options).map(\.value) == ["AAAA", "AAAA"])
    }

    @Test func scanReportsEachStringOnce() throws {
        let bytes = try Fixture.dll64.bytes
        var seen: [ExtractedString] = []
        try PEStrings.scan(MemoryByteSource(bytes), options: StringScanOptions(chunkSize: 100)) { seen.append($0) }
        #expect(seen.count == (try strings(bytes)).count)
        #expect(Set(seen) == Set(try strings(bytes)))
    }
}
