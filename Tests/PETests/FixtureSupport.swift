import Foundation
import PE
import Testing

/// The committed binaries built by `scripts/build-pe-fixtures.sh`.
enum Fixture: String, CaseIterable {
    case driver = "isodrv-x64.sys"
    case dll64 = "isodll-x64.dll"
    case dll32 = "isodll-x86.dll"

    var path: String {
        get throws {
            let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            return folder.appendingPathComponent(rawValue).path
        }
    }

    var bytes: [UInt8] {
        get throws {
            [UInt8](try Data(contentsOf: URL(fileURLWithPath: try path)))
        }
    }

    func read() throws -> PEFile {
        try PEFile(bytes: try bytes, path: rawValue)
    }
}

/// The offset of the first occurrence of `needle` in `haystack`, found by a plain byte search.
func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
    return (0...(haystack.count - needle.count)).first { start in
        haystack[start..<start + needle.count].elementsEqual(needle)
    }
}

/// UTF-16LE bytes of a string.
func utf16LE(_ text: String) -> [UInt8] {
    text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
}

/// Little-endian field access for patching fixture bytes.
extension Array where Element == UInt8 {
    func u16(_ offset: Int) -> UInt16 {
        UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    func u32(_ offset: Int) -> UInt32 {
        UInt32(u16(offset)) | UInt32(u16(offset + 2)) << 16
    }

    mutating func put16(_ value: UInt16, at offset: Int) {
        self[offset] = UInt8(value & 0xFF)
        self[offset + 1] = UInt8(value >> 8)
    }

    mutating func put32(_ value: UInt32, at offset: Int) {
        put16(UInt16(value & 0xFFFF), at: offset)
        put16(UInt16(value >> 16), at: offset + 2)
    }
}
