import INFModel
import Testing

/// Names as dictionary keys: equal ignoring case exactly when their folded forms match, and equal
/// keys hash alike, whatever script they are written in.
@Suite("Case-insensitive keys")
struct CaseInsensitiveKeyTests {
    static func hashValue(_ text: String) -> Int { CaseInsensitiveKey(text).hashValue }

    @Test("ASCII names match in any case and hash alike", arguments: [
        ("CopyFiles", "copyfiles"), ("COPYFILES", "CopyFiles"), ("DDInstall.NTamd64.10.0...17763", "ddinstall.ntAMD64.10.0...17763"),
        ("", ""), ("a_b-1", "A_B-1"),
    ])
    func ascii(_ pair: (String, String)) {
        #expect(CaseInsensitiveKey(pair.0) == CaseInsensitiveKey(pair.1))
        #expect(Self.hashValue(pair.0) == Self.hashValue(pair.1))
    }

    @Test("names outside ASCII are folded: accented letters, Greek, the Kelvin sign against K")
    func unicode() {
        for (a, b) in [("Ünïcode", "üNÏCODE"), ("ΣΕΚΤΙΟΝ", "σεκτιον"), ("\u{212A}ey", "kEY")] {
            #expect(CaseInsensitiveKey(a) == CaseInsensitiveKey(b), "\(a) \(b)")
            #expect(Self.hashValue(a) == Self.hashValue(b), "\(a) \(b)")
        }
    }

    @Test("different names differ, also when only their lengths or a letter outside ASCII differ")
    func different() {
        for (a, b) in [("CopyFiles", "CopyFile"), ("AddReg", "DelReg"), ("é", "e"), ("Strings.0409", "Strings.0407")] {
            #expect(CaseInsensitiveKey(a) != CaseInsensitiveKey(b), "\(a) \(b)")
        }
    }

    @Test("a dictionary keyed by names finds each under any spelling")
    func dictionary() {
        var index: [CaseInsensitiveKey: Int] = [:]
        index[CaseInsensitiveKey("DestinationDirs")] = 1
        index[CaseInsensitiveKey("Strings")] = 2
        #expect(index[CaseInsensitiveKey("destinationdirs")] == 1)
        #expect(index[CaseInsensitiveKey("STRINGS")] == 2)
        #expect(index[CaseInsensitiveKey("Strings.0409")] == nil)
    }
}
