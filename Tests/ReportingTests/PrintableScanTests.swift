@testable import Reporting
import Testing

/// The word-at-a-time scans that let formatting skip plain text must never skip a byte they look for.
@Suite("Skipping plain words")
struct PrintableScanTests {
    /// A scan, and the bytes it must stop at.
    struct Scan: Sendable, CustomTestStringConvertible {
        let name: String
        let scan: @Sendable (UnsafeBufferPointer<UInt8>) -> Int
        let stopsAt: @Sendable (UInt8) -> Bool
        var testDescription: String { name }
    }

    static let scans = [
        Scan(name: "printable ASCII", scan: { endOfPrintableASCII($0) }, stopsAt: { $0 < 0x20 || $0 > 0x7E }),
        Scan(name: "JSON string words", scan: { endOfUnescapedWords($0) },
             stopsAt: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }),
    ]

    @Test("no byte the scan looks for is skipped, and whole words without one are", arguments: scans)
    func skipsExactlyPlainWords(_ scan: Scan) {
        let interesting: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x41, 0x5B, 0x5C, 0x5D,
                                    0x7E, 0x7F, 0x80, 0xC2, 0xC3, 0xE2, 0xFF]
        for length in 0...24 {
            for position in 0..<max(length, 1) {
                for byte in interesting {
                    var bytes = [UInt8](repeating: 0x61, count: length)
                    if position < length { bytes[position] = byte }
                    let start = bytes.withUnsafeBufferPointer { scan.scan($0) }
                    if position < length && scan.stopsAt(byte) {
                        #expect(start <= position, "byte \(byte) at \(position) of \(length)")
                    } else {
                        #expect(start == length / 8 * 8, "byte \(byte) at \(position) of \(length)")
                    }
                    #expect(start % 8 == 0)
                }
            }
        }
    }
}
