import INFModel
import Testing

/// Byte-level searches that replace Foundation's on the hot path must find what it finds.
@Suite("Searching texts by their bytes")
struct ByteSearchTests {
    @Test("an ASCII token is replaced in any case, every time, and nothing else changes", arguments: [
        ("NT$ARCH$", "NTamd64"), ("nt$arch$.10.0", "ntamd64.10.0"), ("$ArCh$$ARCH$", "amd64amd64"),
        ("$ARCH", "$ARCH"), ("", ""), ("é$arch$ü", "éamd64ü"), ("$$ARCH$$", "$amd64$"), ("no token", "no token"),
    ])
    func replacing(_ pair: (String, String)) {
        #expect(pair.0.replacingASCIIIgnoringCase("$ARCH$", with: "amd64") == pair.1)
        #expect(pair.0.containsASCIIIgnoringCase("$ARCH$") == (pair.0 != pair.1))
    }

    @Test("trimming takes the set's ASCII characters off both ends only, whatever the text holds", arguments: [
        ("  a b \t", " \t", "a b"), ("\"x\"", "\" ", "x"), ("\\\\a\\b\\", "\\", "a\\b"), ("   ", " ", ""), ("", " ", ""),
        (" é ", " ", "é"), ("éa", "a", "é"), ("..\\dir .", "\\ .", "dir"), ("~x~", "~", "x"), ("none", " \t", "none"),
    ])
    func trimming(_ triple: (String, String, String)) {
        #expect(triple.0.trimmingCharacters(in: triple.1) == triple.2)
    }

    @Test("bytes and byte sequences are found exactly")
    func containing() {
        #expect("a%b".containsByte(0x25))
        #expect(!"ab".containsByte(0x25))
        #expect("DefaultInstall.NT".containsBytes("Install."))
        #expect(!"DefaultInstall".containsBytes("install"))
        #expect("x".containsBytes(""))
    }

    @Test("a byte is found wherever it stands, in short and long texts, and only there")
    func containsByteEverywhere() {
        for length in 0...40 {
            let base = String(repeating: "a", count: length)
            for byte: UInt8 in [0x25, 0x5C, 0x80, 0x00, 0x7F, 0xFF] {
                #expect(!base.containsByte(byte), "length \(length)")
            }
            for position in 0..<length {
                var bytes = Array(base.utf8)
                bytes[position] = 0x25
                let text = String(decoding: bytes, as: UTF8.self)
                #expect(text.containsByte(0x25), "at \(position) of \(length)")
                #expect(!text.containsByte(0x24), "at \(position) of \(length)")
            }
        }
        #expect("caf\u{E9}".containsByte(0xC3) && !"caf\u{E9}".containsByte(0xC2))
    }
}
