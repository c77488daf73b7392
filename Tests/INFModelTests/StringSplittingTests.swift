import INFModel
import Testing

@Suite("Splitting at an ASCII separator")
struct StringSplittingTests {
    static let texts = [
        "", ".", "..", "a", "NTamd64.10.0...22000", ".leading", "trailing.", "a..b", "HKLM\\\\System\\CurrentControlSet\\",
        "Caf\u{E9}.\u{2122}.\u{1F600}", "Strings.0409", "no separator at all", "\\\\server\\share\\x",
    ]

    @Test("gives the pieces split(separator:) gives, for every maxSplits and empty-piece choice",
          arguments: ["." as Unicode.Scalar, "\\"])
    func sameAsCharacterSplit(separator: Unicode.Scalar) {
        for text in Self.texts {
            for maxSplits in [0, 1, 2, Int.max] {
                for omitting in [true, false] {
                    let expected = text.split(separator: Character(separator), maxSplits: maxSplits, omittingEmptySubsequences: omitting)
                    let actual = text.split(ascii: separator, maxSplits: maxSplits, omittingEmptySubsequences: omitting)
                    #expect(actual == expected, "\(text) max \(maxSplits) omitting \(omitting)")
                    // A substring splits the same way as the string it is.
                    let sub = text[...]
                    #expect(sub.split(ascii: separator, maxSplits: maxSplits, omittingEmptySubsequences: omitting) == expected)
                }
            }
        }
    }
}
