import INFSyntax
import Testing

@Suite("Keys and fields (rows 27–31)")
struct KeyFieldTests {
    // MARK: Row 27

    @Test("row 27: a line without `=` has no key in the tree; its fields are all there")
    func noEquals() {
        let tree = RowBytes.parse("[A]\r\nsingle\r\nsingle = single\r\ntwo,fields\r\n")
        let lines = tree.entries
        #expect(lines.map(\.keyValue) == [nil, "single", nil])
        #expect(lines.map(\.values) == [["single"], ["single"], ["two", "fields"]])
    }

    // MARK: Row 28

    @Test("row 28: the first unquoted `=` before any `,` splits off the key")
    func firstEqualsSplits() throws {
        let tree = RowBytes.parse("[A]\r\nk==v\r\na=b=c\r\nk , x = y\r\n\"q=r\"=s\r\n")
        let lines = tree.entries
        #expect(lines.map(\.keyValue) == ["k", "a", nil, "q=r"])
        #expect(lines.map(\.values) == [["=v"], ["b=c"], ["k", "x = y"], ["s"]])
    }

    // MARK: Row 29

    @Test("row 29: an empty key is allowed and every line with `=` has a field")
    func emptyKeyAndValue() throws {
        let tree = RowBytes.parse("[A]\r\n=v\r\nk=\r\n=\r\n")
        let lines = tree.entries
        #expect(lines.map(\.keyValue) == ["", "k", ""])
        #expect(lines.map(\.values) == [["v"], [""], [""]])
        let emptyKey = try #require(lines[0].key)
        #expect(emptyKey.range.isEmpty)
        #expect(tree.position(of: emptyKey.range.lowerBound) == SourcePosition(line: 2, column: 1))
    }

    // MARK: Row 30

    @Test("row 30: empty fields are kept")
    func emptyFields() {
        let text = "[A]\r\na,,b\r\na,b,\r\n,\r\nk = , ,\r\n"
        let tree = RowBytes.parse(text)
        let lines = tree.entries
        #expect(lines.map(\.keyValue) == [nil, nil, nil, "k"])
        #expect(lines.map(\.values) == [["a", "", "b"], ["a", "b", ""], ["", ""], ["", "", ""]])
        #expect(lines.map { $0.fields.map(\.range.isEmpty) } == [
            [false, true, false], [false, false, true], [true, true], [true, true, true],
        ])
        // An empty field stands where it would start: the middle field of `a,,b` sits on the second comma.
        let middle = lines[0].fields[1].range.lowerBound
        #expect(tree.position(of: middle) == SourcePosition(line: 2, column: 3))
    }

    // MARK: Row 31

    @Test("row 31: commas inside quotes are data in the tree")
    func quotedComma() {
        let tree = RowBytes.parse("[A]\r\ne = \"x,y\",z\r\n")
        #expect(tree.entries.first?.values == ["x,y", "z"])
        #expect(tree.entries.first?.fields.count == 2)
    }
}
