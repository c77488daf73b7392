import INFSyntax
import Testing

@Suite("Encoding and bytes (rows 1–10)")
struct EncodingTests {
    static let sample = "[Version]\r\nSignature=\"$Windows NT$\"\r\n[A]\r\nk = value\r\n"

    // MARK: Row 1

    @Test("row 1: UTF-16LE text without a BOM is read as UTF-16LE")
    func utf16WithoutBOM() throws {
        let bytes = RowBytes.utf16LE(Self.sample, bom: false)
        let tree = RowBytes.parse(bytes)
        #expect(tree.source.encoding == .utf16LE(bom: false))
        #expect(tree.source.text.firstByte == 0)
        #expect(tree.sectionNames == ["Version", "A"])
        let line = try #require(tree.entries(inSection: 1).first)
        #expect(line.keyValue == "k")
        #expect(line.values == ["value"])
        #expect(tree.readError == nil)
        #expect(tree.print() == bytes)
    }

    @Test("row 1: a leading FF FE makes the file UTF-16LE and is skipped")
    func utf16WithBOM() throws {
        let bytes = RowBytes.utf16LE(Self.sample, bom: true)
        let tree = RowBytes.parse(bytes)
        #expect(tree.source.encoding == .utf16LE(bom: true))
        #expect(tree.source.text.firstByte == 2)
        #expect(tree.source.text.units.first == 0x5B)  // `[`, not the mark
        #expect(tree.sectionNames == ["Version", "A"])
        #expect(tree.entries(inSection: 1).first?.values == ["value"])
        #expect(tree.print() == bytes)
    }

    @Test("row 1: EF BB BF makes the file UTF-8")
    func utf8WithBOM() throws {
        let bytes = RowBytes.utf8BOM("[A]\r\nk = café ☃\r\n")
        let tree = RowBytes.parse(bytes)
        #expect(tree.source.encoding == .utf8BOM)
        #expect(tree.source.text.firstByte == 3)
        #expect(tree.sectionNames == ["A"])
        #expect(tree.entries.first?.values == ["café ☃"])
        #expect(tree.print() == bytes)
    }

    @Test("row 1: any other file is read with code page 1252", arguments: [0, 1])
    func ansiOtherwise(padding: Int) {
        // Even and odd sizes alike: ASCII text never looks like UTF-16.
        let bytes = RowBytes.ansi(Self.sample + String(repeating: ";", count: padding))
        let tree = RowBytes.parse(bytes)
        #expect(tree.source.encoding == .ansi)
        #expect(tree.sectionNames == ["Version", "A"])
        #expect(tree.entries(inSection: 1).first?.values == ["value"])
        #expect(tree.print() == bytes)
    }

    // MARK: Row 2 (native: the BOM decides)

    @Test("row 2: a UTF-16LE file with a BOM and an odd byte count stays UTF-16LE")
    func bomOddLength() throws {
        let bytes = RowBytes.utf16LE(Self.sample, bom: true) + [0x41]
        #expect(bytes.count % 2 == 1)
        let tree = RowBytes.parse(bytes)
        #expect(tree.source.encoding == .utf16LE(bom: true))
        #expect(tree.sectionNames == ["Version", "A"])
        #expect(tree.entries(inSection: 1).first?.values == ["value"])
        #expect(tree.readError == nil)
        #expect(tree.firstOrphanLine == nil)
        // The odd byte is not text, but it is kept.
        #expect(tree.trailingBytes == bytes.count - 1..<bytes.count)
        #expect(tree.print() == bytes)
    }

    @Test("row 2: a UTF-16LE file with a BOM and a U+0000 character stays UTF-16LE")
    func bomWithNulCharacter() throws {
        let bytes = RowBytes.utf16LE("[Version]\r\nSignature=\"$Windows NT$\"\r\n[A]\r\nk = a\u{0}b\r\n", bom: true)
        let tree = RowBytes.parse(bytes)
        #expect(tree.source.encoding == .utf16LE(bom: true))
        #expect(tree.sectionNames == ["Version", "A"])
        #expect(tree.entries(inSection: 1).first?.values == ["a b"])
        #expect(tree.diagnostics(.nulCharacter).map(\.line) == [4])
        #expect(tree.readError == nil)
        #expect(tree.print() == bytes)
    }

    // MARK: Row 3 (native: an ANSI file with a NUL is still ANSI)

    static func nulFile(evenSize: Bool) -> [UInt8] {
        var bytes = RowBytes.ansi("[Version]\r\nSignature=\"$Windows NT$\"\r\n[A]\r\nk = a\u{0}b\r\n")
        if (bytes.count % 2 == 0) != evenSize { bytes += RowBytes.ansi(";") }
        return bytes
    }

    @Test("row 3: an ANSI file of even size with one NUL byte is read as cp1252", arguments: [true, false])
    func ansiWithNul(evenSize: Bool) throws {
        let bytes = Self.nulFile(evenSize: evenSize)
        #expect((bytes.count % 2 == 0) == evenSize)
        #expect(bytes.filter { $0 == 0 }.count == 1)
        let tree = RowBytes.parse(bytes)
        #expect(tree.source.encoding == .ansi)
        #expect(tree.sectionNames == ["Version", "A"])
        #expect(tree.entries(inSection: 1).first?.values == ["a b"])
        #expect(tree.readError == nil)
        #expect(tree.firstOrphanLine == nil)
        #expect(tree.print() == bytes)
    }

    @Test("row 3: a short ANSI file with a NUL right after a section name opens")
    func nulAfterSectionName() throws {
        var bytes = RowBytes.ansi("[Version]\u{0}\r\nSignature=$Chicago$\r\n")
        if bytes.count % 2 == 1 { bytes += RowBytes.ansi(" ") }
        #expect(bytes.count % 2 == 0)
        let tree = RowBytes.parse(bytes)
        #expect(tree.source.encoding == .ansi)
        #expect(tree.sectionNames == ["Version"])
        #expect(tree.entries.first?.values == ["$Chicago$"])
        #expect(tree.readError == nil)
    }

    // MARK: Row 4

    @Test("row 4: UTF-16BE is not supported and reads as garbage")
    func utf16BigEndian() {
        let bytes = RowBytes.utf16BE(Self.sample)
        let tree = RowBytes.parse(bytes)
        #expect(tree.source.hasUTF16BigEndianMark)
        #expect(tree.source.encoding == .ansi)
        #expect(!tree.sectionNames.contains("Version"))
        #expect(tree.firstOrphanLine == 1)
        #expect(tree.print() == bytes)
        // The little-endian mark is not mistaken for it.
        #expect(!RowBytes.parse(RowBytes.utf16LE(Self.sample)).source.hasUTF16BigEndianMark)
        #expect(!RowBytes.parse(RowBytes.ansi(Self.sample)).source.hasUTF16BigEndianMark)
    }

    // MARK: Row 5

    @Test("row 5: UTF-8 without a BOM is read as cp1252")
    func utf8WithoutBOM() {
        let bytes = Array("[A]\r\nk = café\r\n".utf8)
        let tree = RowBytes.parse(bytes)
        #expect(tree.source.encoding == .ansi)
        #expect(tree.entries.first?.values == ["cafÃ©"])
        #expect(tree.print() == bytes)
    }

    // MARK: Row 6

    @Test("row 6: high ANSI bytes go through cp1252, unassigned ones map to the same code point")
    func cp1252HighBytes() {
        let bytes = RowBytes.ansi("[A]\r\nk = ") + [0x80, 0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x9F, 0x85, 0xE9, 0xFF] + RowBytes.ansi("\r\n")
        let tree = RowBytes.parse(bytes)
        #expect(tree.source.encoding == .ansi)
        #expect(tree.entries.first?.values == ["€\u{81}\u{8D}\u{8F}\u{90}\u{9D}Ÿ…éÿ"])
        #expect(tree.print() == bytes)
    }

    // MARK: Row 7

    @Test("row 7: a NUL inside a token becomes a space; a trailing NUL is trailing whitespace")
    func nulCharacters() throws {
        let bytes = RowBytes.ansi("[sec\u{0}tion]\r\nv = a\u{0}b\r\nk\u{0}ey = x\r\nq = \"c\u{0}d\"\r\nend = \u{0}\r\n")
        let tree = RowBytes.parse(bytes)
        #expect(tree.source.encoding == .ansi)
        #expect(tree.sectionNames == ["sec tion"])
        let lines = tree.entries
        #expect(lines.count == 4)
        #expect(lines[0].keyValue == "v" && lines[0].values == ["a b"])
        #expect(lines[1].keyValue == "k ey" && lines[1].values == ["x"])
        #expect(lines[2].keyValue == "q" && lines[2].values == ["c d"])
        #expect(lines[3].keyValue == "end" && lines[3].values == [""])
        #expect(tree.diagnostics(.nulCharacter).map(\.line) == [1, 2, 3, 4, 5])
        #expect(tree.print() == bytes)
    }

    // MARK: Row 8

    @Test("row 8: Ctrl-Z ends the file, even in the middle of a line")
    func controlZ() throws {
        let bytes = RowBytes.ansi("[A]\r\na = 1\r\nb = mid\u{1A}line\r\n[B]\r\nc = 2\r\n")
        let tree = RowBytes.parse(bytes)
        #expect(tree.sectionNames == ["A"])
        #expect(tree.entries.map(\.values) == [["1"], ["mid"]])
        let mark = try #require(bytes.firstIndex(of: 0x1A))
        #expect(tree.textEnd == mark)
        #expect(tree.trailingBytes == mark..<bytes.count)
        let diagnostic = try #require(tree.diagnostics(.endOfFileMarker).first)
        #expect(diagnostic.line == 3)
        #expect(diagnostic.range == mark..<mark + 1)
        #expect(tree.print() == bytes)
    }

    @Test("row 8: Ctrl-Z also ends a UTF-16LE file")
    func controlZUTF16() throws {
        let bytes = RowBytes.utf16LE("[A]\r\nb = mid\u{1A}line\r\nc = 2\r\n")
        let tree = RowBytes.parse(bytes)
        #expect(tree.entries.map(\.values) == [["mid"]])
        #expect(tree.byteRange(of: tree.textEnd..<tree.textEnd + 1) == 2 + 2 * 12..<2 + 2 * 13)
        #expect(tree.print() == bytes)
    }

    // MARK: Row 9

    @Test("row 9: a lone UTF-16 surrogate round-trips and the value keeps its code unit, as SetupAPI returns it")
    func loneSurrogate() throws {
        let units = Array("[A]\r\nk = a".utf16) + [0xD800] + Array("b\r\n".utf16)
        let bytes = RowBytes.utf16LE(units: units)
        let tree = RowBytes.parse(bytes)
        #expect(tree.source.text.units.contains(0xD800))
        let line = try #require(tree.entries.first)
        #expect(line.values.map(UTF16Text.units(of:)) == [Array("a".utf16) + [0xD800] + Array("b".utf16)])
        #expect(!line.values[0].contains("\u{FFFD}"))
        // Written back as UTF-16 (a fix's replacement text), the unit is the unit again.
        #expect(TextEncoding.utf16LE(bom: true).encode(line.values[0]) == [0x61, 0x00, 0x00, 0xD8, 0x62, 0x00])
        // The token still spans the surrogate's two bytes.
        #expect(tree.byteRange(of: line.fields[0].range) == 2 + 2 * 9..<2 + 2 * 12)
        #expect(tree.print() == bytes)
    }

    @Test("a valid surrogate pair is one character; a pair cut in two by the field limit keeps its high half")
    func surrogatePairs() {
        #expect(UTF16Text.string([0x61, 0xD83D, 0xDE00]) == "a\u{1F600}")
        #expect(UTF16Text.units(of: "a\u{1F600}") == [0x61, 0xD83D, 0xDE00])
        let long = String(repeating: "x", count: SetupLimits.maximumStringLength - 1) + "\u{1F600}"
        #expect(UTF16Text.units(of: SetupLimits.cut(long)).last == 0xD83D)
        #expect(UTF16Text.units(of: SetupLimits.cut(long)).count == SetupLimits.maximumStringLength)
    }

    // MARK: Row 10

    @Test("row 10: fields and keys longer than 511 characters are kept in full")
    func longFieldsKept() throws {
        let longKey = String(repeating: "k", count: 600)
        let longValue = String(repeating: "v", count: 1200)
        let tree = RowBytes.parse("[A]\r\n\(longKey) = \(longValue)\r\n")
        let line = try #require(tree.entries.first)
        #expect(line.keyValue?.count == 600)
        #expect(line.values.first?.count == 1200)
        #expect(tree.diagnostics(.fieldTooLong).isEmpty)
    }

    @Test("row 10: a field of 4096 characters is fine, one of 4097 is reported")
    func fieldTooLong() throws {
        let fine = String(repeating: "x", count: 4096)
        let long = String(repeating: "y", count: 4097)
        let tree = RowBytes.parse("[A]\r\na = \(fine)\r\nb = \(long)\r\n")
        #expect(tree.entries.map { $0.values[0].count } == [4096, 4097])
        let reported = tree.diagnostics(.fieldTooLong)
        #expect(reported.count == 1)
        #expect(reported.first?.line == 3)
        #expect(reported.first.map { tree.text(of: $0.range) } == long)
    }

    @Test("row 10: 300 fields on one line are fine")
    func manyFields() throws {
        let fields = (1...300).map { "f\($0)" }
        let tree = RowBytes.parse("[A]\r\nk = \(fields.joined(separator: ","))\r\n")
        let line = try #require(tree.entries.first)
        #expect(line.values == fields)
    }
}
