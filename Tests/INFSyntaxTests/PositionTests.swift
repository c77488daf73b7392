import INFSyntax
import Testing

@Suite("Positions and byte ranges")
struct PositionTests {
    @Test("line and column count LF-separated lines and code units")
    func lineAndColumn() throws {
        let tree = RowBytes.parse("[A]\r\nkey = value\r\n\r\n  x = y\n")
        #expect(tree.lineStarts == [0, 5, 18, 20, 28])
        #expect(tree.position(of: 0) == SourcePosition(line: 1, column: 1))
        #expect(tree.position(of: 4) == SourcePosition(line: 1, column: 5))  // the LF belongs to its line
        #expect(tree.position(of: 5) == SourcePosition(line: 2, column: 1))
        let line = try #require(tree.entries.first)
        let key = try #require(line.key)
        #expect(tree.position(of: key.range.lowerBound) == SourcePosition(line: 2, column: 1))
        #expect(tree.position(of: line.fields[0].range.lowerBound) == SourcePosition(line: 2, column: 7))
        let indented = try #require(tree.entries.last)
        let indentedKey = try #require(indented.key)
        #expect(tree.position(of: indentedKey.range.lowerBound) == SourcePosition(line: 4, column: 3))
        #expect(SourcePosition(line: 2, column: 7).description == "2:7")
        #expect(SourcePosition(line: 2, column: 7) < SourcePosition(line: 3, column: 1))
    }

    @Test("UTF-16LE: two bytes per unit after the two-byte mark")
    func utf16ByteRanges() throws {
        let bytes = RowBytes.utf16LE("[A]\r\nk=v\r\n")
        let tree = RowBytes.parse(bytes)
        let line = try #require(tree.entries.first)
        #expect(line.fields[0].range == 7..<8)
        #expect(tree.byteRange(of: line.fields[0].range) == 16..<18)
        #expect(Array(bytes[tree.byteRange(of: line.fields[0].range)]) == [0x76, 0x00])
        #expect(tree.byteRange(of: tree.sections[0].header.nameRange) == 4..<6)
        #expect(tree.byteRange(of: line.range) == 12..<22)
        #expect(tree.position(of: line.fields[0].range.lowerBound) == SourcePosition(line: 2, column: 3))
    }

    @Test("UTF-16LE without a mark: two bytes per unit from the start")
    func utf16NoBOMByteRanges() throws {
        let tree = RowBytes.parse(RowBytes.utf16LE("[A]\r\nk=v\r\n", bom: false))
        let line = try #require(tree.entries.first)
        #expect(tree.byteRange(of: line.fields[0].range) == 14..<16)
    }

    @Test("UTF-8: a unit maps to the bytes of its whole character")
    func utf8ByteRanges() throws {
        let bytes = RowBytes.utf8BOM("[A]\nk = é€😀x\n")
        let tree = RowBytes.parse(bytes)
        let line = try #require(tree.entries.first)
        let field = line.fields[0]
        #expect(field.value == "é€😀x")
        #expect(field.range == 8..<13)
        #expect(tree.byteRange(of: field.range) == 11..<21)
        #expect(tree.byteRange(of: 8..<9) == 11..<13)    // é
        #expect(tree.byteRange(of: 9..<10) == 13..<16)   // €
        #expect(tree.byteRange(of: 10..<12) == 16..<20)  // 😀, two units
        #expect(tree.byteRange(of: 12..<13) == 20..<21)  // x
        #expect(tree.position(of: 12) == SourcePosition(line: 2, column: 9))
        #expect(tree.byteRange(of: line.range) == 7..<22)
        #expect(String(decoding: bytes[tree.byteRange(of: field.range)], as: UTF8.self) == "é€😀x")
    }

    @Test("cp1252: one byte per unit")
    func ansiByteRanges() throws {
        let bytes = RowBytes.ansi("[A]\r\nk = ") + [0xE9, 0x80] + RowBytes.ansi("\r\n")
        let tree = RowBytes.parse(bytes)
        let line = try #require(tree.entries.first)
        #expect(line.values == ["é€"])
        #expect(line.fields[0].range == 9..<11)
        #expect(tree.byteRange(of: line.fields[0].range) == 9..<11)
        #expect(Array(bytes[9..<11]) == [0xE9, 0x80])
        #expect(tree.position(of: 10) == SourcePosition(line: 2, column: 6))
    }
}
