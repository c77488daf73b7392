import INFSyntax
import Testing

@Suite("UTF-8 text without a byte-order mark")
struct UTF8DetectionTests {
    /// The standard library's validation, the reference the byte scan must agree with.
    private static func reference(_ bytes: [UInt8]) -> Bool {
        bytes.contains { $0 >= 0x80 } && String(validating: bytes, as: UTF8.self) != nil
    }

    @Test("plain ASCII is not UTF-8 beyond ASCII")
    func ascii() {
        #expect(!EncodingDetector.isUTF8BeyondASCII(Array("[Version]\r\nSignature=\"$Windows NT$\"\r\n".utf8)))
        #expect(!EncodingDetector.isUTF8BeyondASCII([]))
    }

    @Test("well-formed UTF-8 with letters beyond ASCII is found, anywhere in the file",
          arguments: ["Caf\u{E9}", "\u{2122} trademark", "long ASCII run before it: 0123456789abcdef \u{1F600}", "\u{10FFFF}"])
    func wellFormed(text: String) {
        #expect(EncodingDetector.isUTF8BeyondASCII(Array(text.utf8)))
    }

    @Test("ill-formed sequences are not UTF-8", arguments: [
        [0x43, 0x61, 0x66, 0xE9],          // code page 1252 é
        [0xC0, 0xAF],                      // overlong slash
        [0xE0, 0x80, 0xAF],                // overlong, three bytes
        [0xED, 0xA0, 0x80],                // a surrogate
        [0xF4, 0x90, 0x80, 0x80],          // beyond U+10FFFF
        [0xF5, 0x80, 0x80, 0x80],          // no such lead byte
        [0xE2, 0x84],                      // cut short at the end
        [0xE2, 0x41, 0xA2],                // a continuation missing
    ] as [[UInt8]])
    func illFormed(bytes: [UInt8]) {
        #expect(!EncodingDetector.isUTF8BeyondASCII(bytes))
        #expect(!Self.reference(bytes))
    }

    @Test("agrees with the standard library's validation on random bytes")
    func randomBytes() {
        var generator = SystemRandomNumberGenerator()
        // Bytes drawn mostly from lead and continuation ranges, so that valid sequences occur too.
        let alphabet: [UInt8] = [0x41, 0x20, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF3, 0xF4, 0xF5, 0xC0, 0xFF]
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...12, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? 0x41 }
            #expect(EncodingDetector.isUTF8BeyondASCII(bytes) == Self.reference(bytes), "bytes \(bytes)")
        }
    }
}
