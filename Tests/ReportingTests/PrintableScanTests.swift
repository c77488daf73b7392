@testable import Reporting
import Testing

/// The word-at-a-time scan that lets formatting skip printable ASCII must never skip another byte.
@Suite("Skipping printable ASCII")
struct PrintableScanTests {
    @Test("no byte outside 0x20…0x7E is skipped, and whole printable words are")
    func skipsExactlyPrintableWords() {
        let interesting: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x41, 0x7E, 0x7F, 0x80, 0xC2, 0xE2, 0xFF]
        for length in 0...24 {
            for position in 0..<max(length, 1) {
                for byte in interesting {
                    var bytes = [UInt8](repeating: 0x61, count: length)
                    if position < length { bytes[position] = byte }
                    let start = bytes.withUnsafeBufferPointer { endOfPrintableASCII($0) }
                    let printable = byte >= 0x20 && byte <= 0x7E
                    if position < length && !printable {
                        #expect(start <= position, "byte \(byte) at \(position) of \(length)")
                    }
                    // Everything before the start is printable, and the start is a word boundary or the tail.
                    #expect(bytes[..<start].allSatisfy { $0 >= 0x20 && $0 <= 0x7E })
                    #expect(start % 8 == 0)
                    if position >= length || printable { #expect(start == length / 8 * 8) }
                }
            }
        }
    }
}
